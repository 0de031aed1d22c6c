package fr.sudia.directory.award;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.directory.organization.OrganizationHistory;
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
import io.restassured.http.ContentType;

/**
 * The laureates of the Région's calls appear on their directory profile through {@code funding.calls.v1}, on a real
 * broker, fed the producer's own contract examples (funding-guichet-service's JSON Schema, copied by the pom).
 */
@QuarkusTest
class CallResultsConsumerTest {

    private static final String TOPIC = "funding.calls.v1";
    private static final URI FUNDING = URI.create("urn:sud-ia:funding-guichet-service");
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Test
    void theProducersExamplesShowAsAwardsOnTheLaureatesProfile() throws Exception {
        List<String> examples = EventContracts.examples(TOPIC, "CallResultPublished");
        String laureate = register("Lycée Les Eucalyptus");
        String etag = given().get("/api/v1/organizations/" + laureate).then().statusCode(200)
                .body("awards", hasSize(0)).extract().header("ETag");
        String individual = null;
        for (String example : examples) {
            EventContracts.assertValid(TOPIC, example);
            ObjectNode data = (ObjectNode) JSON.readTree(example);
            if (data.get("organizationId").isNull()) {
                individual = data.get("applicationId").asText();
            } else {
                data.put("organizationId", laureate);
            }
            publish(UUID.randomUUID().toString(), data.toString());
        }
        awaitAwards(laureate, examples.size() - 1);

        given().get("/api/v1/organizations/" + laureate).then().statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("awards", hasSize(examples.size() - 1),
                        "awards.title", org.hamcrest.Matchers.hasItem("Lauréat Challenge IA 2026"),
                        "awards.find { it.title == 'Lauréat Challenge IA 2026' }.amountEur", equalTo(15000),
                        "awards.find { it.title == 'Lauréat Challenge IA 2026' }.theme", equalTo("Lutter contre le harcèlement scolaire"));
        // An individual laureate (no organization) leaves no trace in the directory.
        String individualId = individual;
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> individualId == null ? 0L
                : OrganizationAward.count("applicationId", UUID.fromString(individualId))));
        // Search results and lists do not carry awards; only the profile does.
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).get("/api/v1/organizations/" + laureate + "/history").then()
                .statusCode(200).body("items.action", org.hamcrest.Matchers.hasItem("AWARD_RECEIVED"));
    }

    @Test
    void aRedeliveredResultChangesNothing() throws Exception {
        String laureate = register("Campus numérique Toulon");
        ObjectNode data = (ObjectNode) JSON.readTree(EventContracts.examples(TOPIC, "CallResultPublished").get(0));
        data.put("organizationId", laureate);
        data.put("applicationId", UUID.randomUUID().toString());
        String eventId = UUID.randomUUID().toString();
        publish(eventId, data.toString());
        awaitAwards(laureate, 1);
        long version = version(laureate);

        publish(eventId, data.toString());
        // A marker published after the redelivery: once it shows, the redelivery has been handled.
        String marker = register("Marker " + UUID.randomUUID());
        ObjectNode markerData = data.deepCopy();
        markerData.put("organizationId", marker);
        markerData.put("applicationId", UUID.randomUUID().toString());
        publish(UUID.randomUUID().toString(), markerData.toString());
        awaitAwards(marker, 1);

        given().get("/api/v1/organizations/" + laureate).then().body("awards", hasSize(1));
        assertEquals(version, version(laureate));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> OrganizationHistory
                .count("organizationId = ?1 and action = 'AWARD_RECEIVED'", UUID.fromString(laureate))));
    }

    @Test
    void aResultThatBreaksTheContractGoesToTheDeadLetterTopic() {
        String id = UUID.randomUUID().toString();
        publish(id, "{\"callId\":\"" + UUID.randomUUID() + "\",\"awardTitle\":\"\"}");
        var dead = new KafkaTestClient(broker).readUntil(TOPIC + ".dlq", Duration.ofSeconds(60),
                read -> read.stream().anyMatch(r -> id.equals(header(r, "ce_id"))));
        assertNotEquals(0, dead.stream().filter(r -> id.equals(header(r, "ce_id"))).count());
        given().get("/api/v1/organizations/" + register("Unrelated")).then().body("awards", hasSize(0), "label.number", nullValue());
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private String register(String name) {
        return given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "UNIVERSITY_SCHOOL", "city", "Marseille", "sectors", List.of("EDUCATION")))
                .when().post("/api/v1/organizations").then().statusCode(201).extract().path("id");
    }

    private void publish(String eventId, String data) {
        String key = data.replaceAll(".*\"applicationId\":\"([^\"]+)\".*", "$1");
        new KafkaTestClient(broker).send(KafkaCloudEvents.toRecord(TOPIC, new CloudEvent(eventId, FUNDING,
                CallResultsConsumer.RESULT_PUBLISHED, key, OffsetDateTime.parse("2026-06-20T16:00:00Z"), data)));
    }

    private static long version(String organizationId) {
        return QuarkusTransaction.requiringNew().call(() -> fr.sudia.directory.organization.Organization
                .<fr.sudia.directory.organization.Organization>findById(UUID.fromString(organizationId)).version);
    }

    private static void awaitAwards(String organizationId, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OrganizationAward.count("organizationId", UUID.fromString(organizationId))) == count);
    }
}
