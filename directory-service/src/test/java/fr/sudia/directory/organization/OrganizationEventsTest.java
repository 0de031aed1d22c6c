package fr.sudia.directory.organization;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.outbox.OutboxEvent;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Registrations reach {@code directory.organizations.v1} through the outbox, on a real broker. */
@QuarkusTest
class OrganizationEventsTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRegistrationIsPublishedAsACloudEventKeyedByTheOrganization() throws Exception {
        String id = OrganizationResourceTest.register("Hiphen", OrganizationResourceTest.randomSiren());

        ConsumerRecord<String, String> record = eventsAbout(Set.of(id)).get(0);

        assertEquals(id, record.key());
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals(OrganizationRegistry.REGISTERED, header(record, "ce_type"));
        assertEquals("urn:sud-ia:directory-service", header(record, "ce_source"));
        assertEquals(id, header(record, "ce_subject"));
        assertEquals("application/json", header(record, "content-type"));
        JsonNode data = json.readTree(record.value());
        assertEquals("Hiphen", data.get("name").asText());
        assertEquals("STARTUP", data.get("kind").asText());
        // The event's own contract, not the REST view: a field added to or renamed in the API does not reach it.
        EventContracts.assertValid(OrganizationRegistry.TOPIC, record.value());
        EventContracts.assertCarriesExactly(OrganizationRegistry.TOPIC, record.value());
    }

    @Test
    void changesAndRemovalsArePublishedInOrderAfterTheRegistration() throws Exception {
        var created = io.restassured.RestAssured.given()
                .auth().oauth2(fr.sudia.platform.testing.DevTokens.forRole(fr.sudia.platform.security.Roles.EDITOR))
                .contentType("application/json").body("{\"name\":\"Eurecom\",\"kind\":\"RESEARCH_LAB\",\"city\":\"Biot\"}")
                .post("/api/v1/organizations").then().statusCode(201).extract().response();
        String id = created.path("id");
        String etag = io.restassured.RestAssured.given()
                .auth().oauth2(fr.sudia.platform.testing.DevTokens.forRole(fr.sudia.platform.security.Roles.EDITOR))
                .contentType("application/json").header("If-Match", created.header("ETag"))
                .body("{\"name\":\"EURECOM\",\"kind\":\"RESEARCH_LAB\",\"city\":\"Biot\"}")
                .put("/api/v1/organizations/" + id).then().statusCode(200).extract().header("ETag");
        io.restassured.RestAssured.given()
                .auth().oauth2(fr.sudia.platform.testing.DevTokens.forRole(fr.sudia.platform.security.Roles.EDITOR))
                .header("If-Match", etag).delete("/api/v1/organizations/" + id).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = new KafkaTestClient(broker).readUntil(OrganizationRegistry.TOPIC,
                Duration.ofSeconds(60), read -> read.stream().filter(r -> id.equals(r.key())).count() >= 3);
        List<ConsumerRecord<String, String>> ours = records.stream().filter(r -> id.equals(r.key())).toList();

        assertEquals(List.of(OrganizationRegistry.REGISTERED, OrganizationRegistry.UPDATED, OrganizationRegistry.REMOVED),
                ours.stream().map(r -> header(r, "ce_type")).toList());
        assertEquals("EURECOM", json.readTree(ours.get(1).value()).get("name").asText());
        ours.forEach(r -> EventContracts.assertValid(OrganizationRegistry.TOPIC, r.value()));
        assertEquals(List.of(false, false, true), ours.stream().map(r -> readTree(r.value()).get("deleted").asBoolean()).toList());
        assertEquals(3, ours.stream().map(r -> header(r, "ce_id")).distinct().count());
    }

    @Test
    void registrationsDuringABrokerOutageWaitInTheOutboxAndArriveOnceItIsBack() {
        List<String> ids = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(OrganizationResourceTest.register("Outage " + i, OrganizationResourceTest.randomSiren()));
            }
            assertEquals(3, pendingAbout(ids), "the events wait in the outbox while Kafka is down");
        } finally {
            broker.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> pendingAbout(ids) == 0);
        List<ConsumerRecord<String, String>> records = eventsAbout(Set.copyOf(ids));
        assertEquals(Set.copyOf(ids), records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
    }

    private List<ConsumerRecord<String, String>> eventsAbout(Set<String> ids) {
        Predicate<List<ConsumerRecord<String, String>>> allThere = records -> records.stream()
                .map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids);
        List<ConsumerRecord<String, String>> records = new KafkaTestClient(broker)
                .readUntil(OrganizationRegistry.TOPIC, Duration.ofSeconds(60), allThere);
        assertTrue(allThere.test(records), "every registration reached the topic");
        return records.stream().filter(r -> ids.contains(r.key())).toList();
    }

    private JsonNode readTree(String value) {
        try {
            return json.readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long pendingAbout(List<String> ids) {
        return QuarkusTransaction.requiringNew().call(
                () -> OutboxEvent.count("sentAt is null and aggregateId in ?1", ids));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
