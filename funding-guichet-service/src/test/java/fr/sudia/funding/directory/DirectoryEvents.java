package fr.sudia.funding.directory;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;

/** CloudEvents as directory-service and label-service publish them, for feeding the desk in tests. */
public final class DirectoryEvents {

    public static final String DIRECTORY_TOPIC = "directory.organizations.v1";
    public static final String LABEL_TOPIC = "label.labels.v1";
    private static final URI DIRECTORY = URI.create("urn:sud-ia:directory-service");
    private static final URI LABELS = URI.create("urn:sud-ia:label-service");

    private DirectoryEvents() {
    }

    /** An organization event with directory-service's OrganizationView as data (every field, as in production). */
    public static ProducerRecord<String, String> organization(String eventId, String type, UUID id, String name,
            String headcountBand, Integer foundedYear, String department, String labelStatus, OffsetDateTime at) {
        return organization(eventId, type, id, name, "SME_ETI", headcountBand, foundedYear, department, labelStatus, at);
    }

    /** The same, of a given directory kind (STARTUP, PUBLIC_BODY, RESEARCH_LAB…). */
    public static ProducerRecord<String, String> organization(String eventId, String type, UUID id, String name, String kind,
            String headcountBand, Integer foundedYear, String department, String labelStatus, OffsetDateTime at) {
        String data = """
                {"id":"%s","name":"%s","legalName":null,"kind":"%s","siren":null,"siret":null,"nafCode":"62.01Z",
                 "headcountBand":%s,"foundedYear":%s,"website":null,"descriptionFr":null,"descriptionEn":null,"address":null,
                 "postalCode":null,"city":"Marseille","department":%s,"latitude":null,"longitude":null,
                 "sectors":["HEALTH","INDUSTRY"],"strategicSectors":["HEALTH_THERAPIES"],"techniques":["COMPUTER_VISION"],
                 "fundsRaisedEur":null,"label":{"status":"%s","number":null,"since":null},"moderationStatus":"PUBLISHED",
                 "changePending":false,"createdAt":"%s","updatedAt":"%s"}"""
                .formatted(id, name, kind, quoted(headcountBand), foundedYear, quoted(department), labelStatus, at, at);
        return KafkaCloudEvents.toRecord(DIRECTORY_TOPIC, new CloudEvent(eventId, DIRECTORY,
                "fr.sudia.directory.organization." + type, id.toString(), at, data));
    }

    public static ProducerRecord<String, String> label(String eventId, String type, UUID organizationId, String status,
            OffsetDateTime changedAt) {
        String data = """
                {"labelNumber":"SUDIA-2026-0042","organizationId":"%s","status":"%s","category":"COMPANY","changedAt":"%s"}"""
                .formatted(organizationId, status, changedAt);
        return KafkaCloudEvents.toRecord(LABEL_TOPIC, new CloudEvent(eventId, LABELS, "fr.sudia.label.label." + type,
                "SUDIA-2026-0042", changedAt, data));
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
