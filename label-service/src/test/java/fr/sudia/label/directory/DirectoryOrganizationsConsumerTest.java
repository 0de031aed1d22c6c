package fr.sudia.label.directory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import fr.sudia.label.support.Fixtures;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** label-service's read model of the directory, fed by {@code directory.organizations.v1} on a real broker. */
@QuarkusTest
class DirectoryOrganizationsConsumerTest {

    private static final String TOPIC = "directory.organizations.v1";
    private static final String DLQ = TOPIC + ".dlq";
    private static final URI DIRECTORY = URI.create("urn:sud-ia:directory-service");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    @Test
    void aRegisteredOrganizationBecomesKnown() {
        UUID id = UUID.randomUUID();
        publish(registered(UUID.randomUUID().toString(), id, "Therapixel", OffsetDateTime.parse("2026-03-01T10:00:00Z")));

        awaitKnown(id, "Therapixel");
        given().auth().oauth2(DevTokens.forRole(Roles.ADMIN))
                .when().get("/api/v1/organizations/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Therapixel"), "kind", equalTo("STARTUP"), "city", equalTo("Nice"));
    }

    @Test
    void theDirectorysOwnExamplesAreUnderstood() throws Exception {
        for (String example : EventContracts.examples(TOPIC)) {
            UUID id = UUID.fromString(new com.fasterxml.jackson.databind.ObjectMapper().readTree(example).get("id").asText());
            String name = new com.fasterxml.jackson.databind.ObjectMapper().readTree(example).get("name").asText();
            publish(KafkaCloudEvents.toRecord(TOPIC, new CloudEvent(UUID.randomUUID().toString(), DIRECTORY,
                    "fr.sudia.directory.organization.registered", id.toString(), OffsetDateTime.now(), example)));
            awaitKnown(id, name);
        }
    }

    @Test
    void aRedeliveredEventIsAppliedOnlyOnce() {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T10:00:00Z");
        publish(registered(eventId, id, "First delivery", at));
        awaitKnown(id, "First delivery");

        // The same event id again (a relay retry) must be skipped, even if its content were to differ.
        publish(registered(eventId, id, "Second delivery", at.plusMinutes(1)));
        UUID marker = UUID.randomUUID();
        publish(registered(UUID.randomUUID().toString(), marker, "Marker", at));
        awaitKnown(marker, "Marker");

        assertEquals("First delivery", knownName(id));
        assertEquals(1L, inboxRowsFor(eventId));
    }

    @Test
    void anOlderChangeNeverOverwritesANewerOne() {
        UUID id = UUID.randomUUID();
        publish(registered(UUID.randomUUID().toString(), id, "Newer name", OffsetDateTime.parse("2026-03-02T10:00:00Z")));
        awaitKnown(id, "Newer name");
        publish(registered(UUID.randomUUID().toString(), id, "Older name", OffsetDateTime.parse("2026-03-01T10:00:00Z")));
        UUID marker = UUID.randomUUID();
        publish(registered(UUID.randomUUID().toString(), marker, "Marker", OffsetDateTime.parse("2026-03-01T10:00:00Z")));
        awaitKnown(marker, "Marker");

        assertEquals("Newer name", knownName(id));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndConsumptionGoesOn() {
        String notACloudEvent = UUID.randomUUID().toString();
        publish(new ProducerRecord<>(TOPIC, notACloudEvent, "{\"hello\":\"world\"}"));
        UUID brokenId = UUID.randomUUID();
        publish(KafkaCloudEvents.toRecord(TOPIC, new CloudEvent(UUID.randomUUID().toString(), DIRECTORY,
                "fr.sudia.directory.organization.registered", brokenId.toString(), OffsetDateTime.now(),
                "{\"id\":\"" + brokenId + "\",\"kind\":\"STARTUP\"}")));
        UUID afterwards = UUID.randomUUID();
        publish(registered(UUID.randomUUID().toString(), afterwards, "After the poison", OffsetDateTime.now()));

        awaitKnown(afterwards, "After the poison");
        List<ConsumerRecord<String, String>> dead = new KafkaTestClient(broker).readUntil(DLQ, PATIENCE,
                records -> keys(records).containsAll(List.of(notACloudEvent, brokenId.toString())));
        assertTrue(reason(dead, notACloudEvent).contains("ce_specversion"), reason(dead, notACloudEvent));
        assertTrue(reason(dead, brokenId.toString()).contains("name"), reason(dead, brokenId.toString()));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> KnownOrganization.count("id", brokenId)));
    }

    @Test
    void consumptionResumesAfterABrokerOutage() {
        broker.stop();
        broker.start();
        UUID id = UUID.randomUUID();
        publish(registered(UUID.randomUUID().toString(), id, "After the outage", OffsetDateTime.now()));

        awaitKnown(id, "After the outage");
    }

    @Test
    void aRemovedOrganizationsLabelIsWithdrawnItsOpenApplicationsRefusedAndItCannotApplyAgain() {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now();
        publish(registered(UUID.randomUUID().toString(), id, "Leaving SAS", at));
        awaitKnown(id, "Leaving SAS");
        String number = Fixtures.labelFor(id);
        String open = Fixtures.draft(id);

        publish(event(UUID.randomUUID().toString(), "fr.sudia.directory.organization.removed", id, "Leaving SAS", at.plusMinutes(1)));
        await().atMost(PATIENCE).untilAsserted(() -> given().when().get("/api/v1/labels/" + number + "/verification")
                .then().body("status", equalTo("WITHDRAWN")));
        given().auth().oauth2(DevTokens.forRole(Roles.REVIEWER)).when().get("/api/v1/applications/" + open)
                .then().body("status", equalTo("REFUSED"))
                .body("decisionReasons", equalTo("The organization was removed from the directory."));
        given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).queryParam("subjectId", number).when().get("/api/v1/audit")
                .then().body("items[0].actor", equalTo(DIRECTORY.toString()))
                .body("items[0].reason", equalTo("The organization was removed from the directory."));
        List<ConsumerRecord<String, String>> events = new KafkaTestClient(broker).readUntil("label.labels.v1", PATIENCE,
                records -> records.stream().anyMatch(r -> id.toString().equals(r.key()) && type(r).endsWith(".withdrawn")));
        assertTrue(events.stream().anyMatch(r -> id.toString().equals(r.key()) && type(r).equals("fr.sudia.label.label.withdrawn")));
        events.stream().filter(r -> id.toString().equals(r.key()))
                .forEach(r -> EventContracts.assertValid("label.labels.v1", r.value()));
        given().auth().oauth2(Fixtures.member(id)).contentType(io.restassured.http.ContentType.JSON)
                .body(Fixtures.form(id, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), Fixtures.fullAnswers()))
                .when().post("/api/v1/applications").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRenamedHolderIsShownUnderItsNewNameWithANewETag() {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now();
        publish(registered(UUID.randomUUID().toString(), id, "Old name", at));
        awaitKnown(id, "Old name");
        String number = Fixtures.labelFor(id);
        String etag = given().when().get("/api/v1/labels/" + number + "/verification").header("ETag");

        publish(event(UUID.randomUUID().toString(), "fr.sudia.directory.organization.updated", id, "New name", at.plusMinutes(1)));
        await().atMost(PATIENCE).untilAsserted(() -> given().header("If-None-Match", etag)
                .when().get("/api/v1/labels/" + number + "/verification")
                .then().statusCode(200).body("holder.name", equalTo("New name")));
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    @Test
    void onlyAdminsReadTheReadModel() {
        String path = "/api/v1/organizations/" + UUID.randomUUID();
        given().when().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forOrganization(Roles.MEMBER, UUID.randomUUID().toString()))
                .when().get(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.ADMIN))
                .when().get(path).then().statusCode(404).contentType("application/problem+json");
    }

    private static ProducerRecord<String, String> registered(String eventId, UUID id, String name, OffsetDateTime at) {
        return event(eventId, "fr.sudia.directory.organization.registered", id, name, at);
    }

    private static ProducerRecord<String, String> event(String eventId, String type, UUID id, String name, OffsetDateTime at) {
        String data = """
                {"id":"%s","name":"%s","kind":"STARTUP","siren":null,"city":"Nice","createdAt":"%s","updatedAt":"%s"}"""
                .formatted(id, name, at, at);
        return KafkaCloudEvents.toRecord(TOPIC, new CloudEvent(eventId, DIRECTORY, type, id.toString(), at, data));
    }

    private void publish(ProducerRecord<String, String> record) {
        new KafkaTestClient(broker).send(record);
    }

    private void awaitKnown(UUID id, String name) {
        await().atMost(PATIENCE).until(() -> name.equals(knownName(id)));
    }

    private static String knownName(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> KnownOrganization.<KnownOrganization>findByIdOptional(id)
                .map(known -> known.name).orElse(null));
    }

    private long inboxRowsFor(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from inbox_event where id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    private static List<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        ConsumerRecord<String, String> record = records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }
}
