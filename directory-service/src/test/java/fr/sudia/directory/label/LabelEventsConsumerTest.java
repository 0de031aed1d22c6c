package fr.sudia.directory.label;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.directory.organization.Organization;
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

/** The Sud IA badge of directory profiles follows {@code label.labels.v1}, on a real broker. */
@QuarkusTest
class LabelEventsConsumerTest {

    private static final String TOPIC = "label.labels.v1";
    private static final URI LABEL_SERVICE = URI.create("urn:sud-ia:label-service");

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Test
    void aGrantedLabelSetsTheBadgeAndAWithdrawalClearsIt() {
        String id = register("3IA Côte d'Azur");
        OffsetDateTime granted = OffsetDateTime.parse("2026-04-01T10:00:00Z");

        publish(UUID.randomUUID().toString(), "granted", id, "VALID", granted);
        awaitLabel(id, "VALID");
        given().when().get("/api/v1/organizations/" + id).then().statusCode(200)
                .body("label.number", equalTo("SUD-IA-2026-0042"), "label.since", equalTo("2026-04-01T10:00:00Z"));

        publish(UUID.randomUUID().toString(), "withdrawn", id, "WITHDRAWN", granted.plusDays(30));
        awaitLabel(id, "WITHDRAWN");
    }

    @Test
    void aRedeliveredOrOlderLabelEventChangesNothing() {
        String id = register("Inria Centre d'Université Côte d'Azur");
        String grantedEvent = UUID.randomUUID().toString();
        OffsetDateTime granted = OffsetDateTime.parse("2026-04-01T10:00:00Z");
        publish(grantedEvent, "granted", id, "VALID", granted);
        awaitLabel(id, "VALID");
        publish(UUID.randomUUID().toString(), "suspended", id, "SUSPENDED", granted.plusDays(10));
        awaitLabel(id, "SUSPENDED");

        // The grant again (a redelivery), then a stale event from before the suspension.
        publish(grantedEvent, "granted", id, "VALID", granted);
        publish(UUID.randomUUID().toString(), "restored", id, "VALID", granted.plusDays(5));
        String marker = register("Marker " + UUID.randomUUID());
        publish(UUID.randomUUID().toString(), "granted", marker, "VALID", granted);
        awaitLabel(marker, "VALID");

        given().when().get("/api/v1/organizations/" + id).then().body("label.status", equalTo("SUSPENDED"));
        long labelChanges = QuarkusTransaction.requiringNew().call(() -> OrganizationHistory
                .count("organizationId = ?1 and action = 'LABEL_CHANGED'", UUID.fromString(id)));
        org.junit.jupiter.api.Assertions.assertEquals(2, labelChanges);
    }

    /** label-service's own examples (contracts/label.labels.v1.json), each for an organization of this directory. */
    @Test
    void labelServicesOwnExamplesAreUnderstood() throws Exception {
        ObjectMapper json = new ObjectMapper();
        java.util.Map<String, String> changeByStatus = java.util.Map.of("VALID", "granted", "SUSPENDED", "suspended",
                "WITHDRAWN", "withdrawn", "EXPIRED", "expired");
        for (String example : EventContracts.examples(TOPIC, "LabelChanged")) {
            String id = register("Example holder " + UUID.randomUUID());
            ObjectNode data = (ObjectNode) json.readTree(example);
            data.put("organizationId", id);
            String status = data.get("status").asText();
            send(UUID.randomUUID().toString(), "fr.sudia.label.label." + changeByStatus.get(status), id, data.toString());
            awaitLabel(id, status);
        }
        // A charter signature travels on the same topic: the directory ignores it (no badge, no dead letter) and goes on.
        String signer = register("Example signer " + UUID.randomUUID());
        for (String example : EventContracts.examples(TOPIC, "CharterSigned")) {
            ObjectNode data = (ObjectNode) json.readTree(example);
            data.put("organizationId", signer);
            send(UUID.randomUUID().toString(), "fr.sudia.label.charter.signed", signer, data.toString());
        }
        String marker = register("Marker " + UUID.randomUUID());
        publish(UUID.randomUUID().toString(), "granted", marker, "VALID", OffsetDateTime.parse("2026-04-01T10:00:00Z"));
        awaitLabel(marker, "VALID");
        given().when().get("/api/v1/organizations/" + signer).then().statusCode(200).body("label.status", equalTo("NONE"));
    }

    private void send(String eventId, String type, String organizationId, String data) {
        new KafkaTestClient(broker).send(KafkaCloudEvents.toRecord(TOPIC, new CloudEvent(eventId, LABEL_SERVICE, type,
                organizationId, OffsetDateTime.now(), data)));
    }

    private String register(String name) {
        return given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON)
                .body(java.util.Map.of("name", name, "kind", "RESEARCH_LAB", "city", "Sophia Antipolis",
                        "sectors", List.of("HEALTH")))
                .when().post("/api/v1/organizations").then().statusCode(201).extract().path("id");
    }

    private void publish(String eventId, String change, String organizationId, String status, OffsetDateTime at) {
        String data = """
                {"labelNumber":"SUD-IA-2026-0042","organizationId":"%s","status":"%s","category":"COMPANY_OR_PROJECT","changedAt":"%s"}"""
                .formatted(organizationId, status, at);
        new KafkaTestClient(broker).send(KafkaCloudEvents.toRecord(TOPIC, new CloudEvent(eventId, LABEL_SERVICE,
                "fr.sudia.label.label." + change, "SUD-IA-2026-0042", at, data)));
    }

    private static void awaitLabel(String organizationId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(QuarkusTransaction.requiringNew().call(() ->
                Organization.<Organization>findById(UUID.fromString(organizationId)).labelStatus.name())));
    }
}
