package fr.sudia.impact.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;

/**
 * Publishes events as the other services would (payloads valid against their contracts), and reads the figures back
 * through the public API. Each test works in years of its own, so that figures of other tests do not mix in.
 */
public final class Sources {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EmbeddedKafkaBroker broker;
    private final EntityManager entityManager;

    public Sources(EmbeddedKafkaBroker broker, EntityManager entityManager) {
        this.broker = broker;
        this.entityManager = entityManager;
    }

    /** Publishes and returns the event id. */
    public String publish(String topic, String service, String type, String key, String data) {
        return publish(UUID.randomUUID().toString(), topic, service, type, key, data);
    }

    public String publish(String eventId, String topic, String service, String type, String key, String data) {
        EventContracts.assertValid(topic, data);
        ProducerRecord<String, String> record = KafkaCloudEvents.toRecord(topic, new CloudEvent(eventId,
                URI.create("urn:sud-ia:" + service), type, key, OffsetDateTime.now(), data));
        new KafkaTestClient(broker).send(record);
        return eventId;
    }

    /** Waits until the service has processed the event (it is in the inbox, applied or skipped). */
    public void awaitProcessed(String eventId) {
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from inbox_event where id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue()) == 1);
    }

    public String attendance(UUID eventId, String start, int revision, int present, int pupils, String commune,
            String department, UUID place) {
        String data = """
                {"eventId":"%s","originalStart":"%s","startsAt":"%s","endsAt":"%s","timeZone":"Europe/Paris",
                 "titleFr":"Atelier IA","organizerId":null,"placeOrganizationId":%s,"city":"Nice","measures":[8,10],
                 "tags":["sensibilisation"],"revision":%d,"capacity":60,
                 "totals":{"bookings":2,"registered":%d,"present":%d,"noShows":0,"waitlisted":0,"girlsDeclared":null},
                 "byAudience":[{"audience":"PUPIL","registered":%d,"present":%d},{"audience":"SENIOR","registered":%d,"present":%d}],
                 "byLevel":[{"level":"COLLEGE","groups":1,"registered":%d,"present":%d,"girlsDeclared":null}],
                 "byCommune":[{"commune":"%s","department":"%s","registered":%d,"present":%d}],
                 "recordedAt":"%s"}"""
                .formatted(eventId, start, start, OffsetDateTime.parse(start).plusHours(2), place == null ? "null" : "\"" + place + "\"",
                        revision, present, present, pupils, pupils, present - pupils, present - pupils, pupils, pupils,
                        commune, department, present, present, OffsetDateTime.parse(start).plusHours(3).plusMinutes(revision));
        return publish("events.attendance.v1", "events-service", "fr.sudia.events.attendance.recorded",
                eventId + "/" + start, data);
    }

    public String organization(UUID id, String type, String kind, String department, String postalCode, List<String> sectors,
            boolean deleted, String updatedAt) {
        String data = """
                {"id":"%s","name":"Org %s","legalName":null,"kind":"%s","siren":null,"nafCode":null,"headcountBand":null,
                 "foundedYear":null,"website":null,"postalCode":"%s","city":"Ville","department":"%s","latitude":null,
                 "longitude":null,"sectors":[%s],"strategicSectors":[],"techniques":[],
                 "label":{"status":"NONE","number":null,"since":null},"moderationStatus":"PUBLISHED","deleted":%s,
                 "updatedAt":"%s"}"""
                .formatted(id, id, kind, postalCode, department,
                        String.join(",", sectors.stream().map(s -> "\"" + s + "\"").toList()), deleted, updatedAt);
        return publish("directory.organizations.v1", "directory-service", "fr.sudia.directory.organization." + type,
                id.toString(), data);
    }

    public String label(String number, UUID organization, String type, String status, String category, String changedAt,
            String grantedOn) {
        String data = """
                {"labelNumber":"%s","organizationId":"%s","status":"%s","category":"%s","changedAt":"%s",
                 "grantedOn":"%s","validUntil":"%s","reason":null}"""
                .formatted(number, organization, status, category, changedAt, grantedOn,
                        java.time.LocalDate.parse(grantedOn).plusYears(2));
        return publish("label.labels.v1", "label-service", "fr.sudia.label.label." + type, organization.toString(), data);
    }

    public String charterSigned(UUID organization, String signedAt) {
        String data = """
                {"signatureId":"%s","organizationId":"%s","charterVersion":1,
                 "charterHash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","signedAt":"%s"}"""
                .formatted(UUID.randomUUID(), organization, signedAt);
        return publish("label.labels.v1", "label-service", "fr.sudia.label.charter.signed", organization.toString(), data);
    }

    public String request(UUID id, UUID organization, String type, String status, Long amount, String changedAt,
            String answeredAt) {
        return publish("funding.requests.v1", "funding-guichet-service", "fr.sudia.funding.request." + type, id.toString(),
                requestData(id, organization, status, amount, changedAt, answeredAt));
    }

    public static String requestData(UUID id, UUID organization, String status, Long amount, String changedAt,
            String answeredAt) {
        boolean helped = "HELPED".equals(status);
        String scheme = "3b0d1c5e-8f61-4a43-9a55-0f1c2f7e6b11";
        return """
                {"id":"%s","organizationId":"%s","status":"%s","pillars":["FINANCIAL"],"schemeIds":[],"department":"13",
                 "companyCategory":"TPE","reminderDue":false,"likelyRepeatOf":null,"submittedAt":"2026-01-02T09:00:00Z",
                 "firstAnsweredAt":null,
                 "assignments":[{"partner":"Bpifrance","status":"%s","outcome":%s,"answeredAt":%s,"committedSchemeIds":[%s],
                   "amountCommittedEur":%s}],
                 "committedSchemeIds":[%s],"amountCommittedEur":%s,"satisfactionScore":null,"prescriberOrganizationId":null,
                 "confirmedAt":null,"changedAt":"%s"}"""
                .formatted(id, organization, status, helped ? "CLOSED" : "IN_CHARGE", helped ? "\"HELPED\"" : "null",
                        answeredAt == null ? "null" : "\"" + answeredAt + "\"", helped ? "\"" + scheme + "\"" : "",
                        amount == null ? "null" : amount, helped ? "\"" + scheme + "\"" : "", amount == null ? "null" : amount,
                        changedAt);
    }

    public String laureate(UUID call, String kind, int year, UUID organization, Long amount, String publishedAt) {
        UUID application = UUID.randomUUID();
        String data = """
                {"callId":"%s","callKind":"%s","callTitle":"Appel %d","editionYear":%d,"theme":null,"applicationId":"%s",
                 "applicantType":"COMPANY","organizationId":%s,"outcome":"LAUREATE","category":null,
                 "awardTitle":"Lauréat %d","amountEur":%s,"rank":1,"publishedAt":"%s","timeZone":"Europe/Paris"}"""
                .formatted(call, kind, year, year, application, organization == null ? "null" : "\"" + organization + "\"",
                        year, amount == null ? "null" : amount, publishedAt);
        return publish("funding.calls.v1", "funding-guichet-service", "fr.sudia.funding.call.result-published",
                application.toString(), data);
    }

    /** The measured series of an indicator for one year, by {@code breakdown} (null: none). */
    public static JsonPath series(String indicator, int year, String breakdown) {
        var request = given().queryParam("period", "year").queryParam("from", year + "-01-01").queryParam("to", year + "-12-31");
        if (breakdown != null) {
            request = request.queryParam("breakdown", breakdown);
        }
        return request.when().get("/api/v1/indicators/" + indicator + "/series").then().statusCode(200).extract().jsonPath();
    }

    /** The measured value of an indicator in one year (0 when nothing was measured). */
    public static long valueIn(String indicator, int year) {
        List<Integer> values = series(indicator, year, null).getList("points.value", Integer.class);
        return values.stream().mapToLong(Integer::longValue).sum();
    }

    /** The measured value of an indicator in one year for one breakdown value. */
    public static long valueIn(String indicator, int year, String breakdown, String key) {
        JsonPath series = series(indicator, year, breakdown);
        List<String> keys = series.getList("points.key", String.class);
        List<Integer> values = series.getList("points.value", Integer.class);
        long sum = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (key.equals(keys.get(i))) {
                sum += values.get(i);
            }
        }
        return sum;
    }
}
