package fr.sudia.funding.directory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The desk's read model of organizations and labels, fed by the real topics on the test broker. */
@QuarkusTest
class ReadModelConsumersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T10:00:00Z");

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Test
    void aRedeliveredDirectoryEventChangesNothing() {
        UUID id = UUID.randomUUID();
        String eventId = DirectoryEvents.newId();
        publish(DirectoryEvents.organization(eventId, "registered", id, "Première livraison", "FROM_10_TO_49", 2019, "06", "NONE", T0));
        await().atMost(PATIENCE).until(() -> "Première livraison".equals(name(id)));

        publish(DirectoryEvents.organization(eventId, "registered", id, "Seconde livraison", "FROM_50_TO_249", 2019, "13", "NONE",
                T0.plusMinutes(5)));
        awaitMarker();

        KnownOrganization known = find(id);
        assertEquals("Première livraison", known.name);
        assertEquals("FROM_10_TO_49", known.headcountBand);
        assertEquals("06", known.department);
    }

    @Test
    void anOlderDirectoryChangeNeverOverwritesANewerOneAndRemovalIsKept() {
        UUID id = UUID.randomUUID();
        publish(DirectoryEvents.organization(DirectoryEvents.newId(), "updated", id, "Plus récent", "FROM_1_TO_9", 2022, "83", "NONE",
                T0.plusDays(1)));
        await().atMost(PATIENCE).until(() -> "Plus récent".equals(name(id)));
        publish(DirectoryEvents.organization(DirectoryEvents.newId(), "registered", id, "Plus ancien", "FROM_1_TO_9", 2022, "83", "NONE", T0));
        awaitMarker();
        assertEquals("Plus récent", name(id));

        publish(DirectoryEvents.organization(DirectoryEvents.newId(), "removed", id, "Plus récent", "FROM_1_TO_9", 2022, "83", "NONE",
                T0.plusDays(2)));
        await().atMost(PATIENCE).until(() -> find(id).removed);
        assertFalse(find(id).isInDirectory());
    }

    @Test
    void labelEventsSetTheLabelFactAndIgnoreOlderOrRedeliveredOnes() {
        UUID id = UUID.randomUUID();
        publish(DirectoryEvents.organization(DirectoryEvents.newId(), "registered", id, "Labellisée", "FROM_10_TO_49", 2015, "13", "NONE", T0));
        await().atMost(PATIENCE).until(() -> "Labellisée".equals(name(id)));

        String granted = DirectoryEvents.newId();
        publish(DirectoryEvents.label(granted, "granted", id, "VALID", T0.plusDays(1)));
        await().atMost(PATIENCE).until(() -> find(id).holdsLabel());

        publish(DirectoryEvents.label(DirectoryEvents.newId(), "suspended", id, "SUSPENDED", T0.plusDays(3)));
        await().atMost(PATIENCE).until(() -> "SUSPENDED".equals(find(id).labelStatus));

        // an older change, then the grant delivered again: neither may restore the label
        publish(DirectoryEvents.label(DirectoryEvents.newId(), "restored", id, "VALID", T0.plusDays(2)));
        publish(DirectoryEvents.label(granted, "granted", id, "VALID", T0.plusDays(1)));
        awaitMarker();
        assertEquals("SUSPENDED", find(id).labelStatus);
        assertFalse(find(id).holdsLabel());

        publish(DirectoryEvents.label(DirectoryEvents.newId(), "restored", id, "VALID", T0.plusDays(4)));
        await().atMost(PATIENCE).until(() -> find(id).holdsLabel());
    }

    @Test
    void aLabelBeforeTheDirectoryEventIsKeptForWhenItArrives() {
        UUID id = UUID.randomUUID();
        publish(DirectoryEvents.label(DirectoryEvents.newId(), "granted", id, "VALID", T0.plusDays(1)));
        await().atMost(PATIENCE).until(() -> find(id) != null);
        assertFalse(find(id).isInDirectory(), "a label alone does not make an organization known");

        publish(DirectoryEvents.organization(DirectoryEvents.newId(), "registered", id, "Arrivée tardive", "FROM_10_TO_49", 2015, "13",
                "NONE", T0));
        await().atMost(PATIENCE).until(() -> "Arrivée tardive".equals(name(id)));
        assertTrue(find(id).holdsLabel(), "the directory's older NONE does not undo label-service's newer VALID");
    }

    /**
     * The producers' own examples (contracts/directory.organizations.v1.json, contracts/label.labels.v1.json), each
     * about a fresh organization: the desk knows them and their labels; a charter signature is ignored.
     */
    @Test
    void theDirectorysAndLabelServicesExamplesAreUnderstood() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String example : EventContracts.examples(DirectoryEvents.DIRECTORY_TOPIC)) {
            UUID id = UUID.randomUUID();
            ObjectNode data = (ObjectNode) json.readTree(example);
            data.put("id", id.toString());
            publish(record(DirectoryEvents.DIRECTORY_TOPIC, "fr.sudia.directory.organization.registered", "urn:sud-ia:directory-service",
                    id, data));
            await().atMost(PATIENCE).until(() -> data.get("name").asText().equals(name(id)));
        }
        for (String example : EventContracts.examples(DirectoryEvents.LABEL_TOPIC, "LabelChanged")) {
            UUID id = UUID.randomUUID();
            ObjectNode data = (ObjectNode) json.readTree(example);
            data.put("organizationId", id.toString());
            String status = data.get("status").asText();
            publish(record(DirectoryEvents.LABEL_TOPIC, "VALID".equals(status) ? "fr.sudia.label.label.granted"
                    : "fr.sudia.label.label." + status.toLowerCase(java.util.Locale.ROOT), "urn:sud-ia:label-service", id, data));
            await().atMost(PATIENCE).until(() -> find(id) != null && status.equals(find(id).labelStatus));
            assertEquals(data.get("labelNumber").asText(), find(id).labelNumber);
            assertEquals("VALID".equals(status), find(id).holdsLabel());
        }
        UUID signer = UUID.randomUUID();
        for (String example : EventContracts.examples(DirectoryEvents.LABEL_TOPIC, "CharterSigned")) {
            ObjectNode data = (ObjectNode) json.readTree(example);
            data.put("organizationId", signer.toString());
            publish(record(DirectoryEvents.LABEL_TOPIC, "fr.sudia.label.charter.signed", "urn:sud-ia:label-service", signer, data));
        }
        awaitMarker();
        assertTrue(find(signer) == null || !find(signer).holdsLabel(), "a charter signature is not a label");
    }

    private static ProducerRecord<String, String> record(String topic, String type, String source, UUID subject, ObjectNode data) {
        return KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), java.net.URI.create(source), type,
                subject.toString(), OffsetDateTime.now(), data.toString()));
    }

    /** Events of one partition are applied in order: once a later marker is applied, everything before it was. */
    private void awaitMarker() {
        UUID marker = UUID.randomUUID();
        publish(DirectoryEvents.organization(DirectoryEvents.newId(), "registered", marker, "Marqueur", null, null, null, "NONE", T0));
        publish(DirectoryEvents.label(DirectoryEvents.newId(), "granted", marker, "VALID", T0));
        await().atMost(PATIENCE).until(() -> find(marker) != null && find(marker).holdsLabel() && "Marqueur".equals(find(marker).name));
    }

    private void publish(ProducerRecord<String, String> record) {
        new KafkaTestClient(broker).send(record);
    }

    private static String name(UUID id) {
        KnownOrganization known = find(id);
        return known == null ? null : known.name;
    }

    static KnownOrganization find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> KnownOrganization.<KnownOrganization>findById(id));
    }
}
