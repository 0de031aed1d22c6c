package fr.sudia.label.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.label.support.Fixtures;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.privacy.PrivacyAnswered;
import fr.sudia.platform.privacy.PrivacyRequested;
import fr.sudia.platform.privacy.Pseudonyms;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The privacy desk's requests reach label-service through the real broker: an access request is answered on
 * privacy.replies.v1 with the person's signature, application and audit entries; the erasure that follows
 * pseudonymizes them (the signature and the audit trail stay, the chain verifies); the same erasure published
 * again changes nothing and is confirmed again.
 */
@QuarkusTest
class LabelPrivacyRequestsTest {

    private static final String REQUESTS = "privacy.requests.v1";
    private static final URI DESK = URI.create("urn:sud-ia:notification-service");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void accessThenErasureThenAReplayAnsweredOnKafka() throws Exception {
        UUID organization = Fixtures.knownOrganization("Demande RGPD SAS", "Avignon");
        String subject = "member-" + UUID.randomUUID();
        String name = "Maëlle Kafka " + UUID.randomUUID().toString().substring(0, 6);
        String token = DevTokens.forSubject(Roles.MEMBER, subject, Map.of(Roles.ORGANIZATION_CLAIM, organization.toString()));
        Fixtures.charterInForce();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("organizationId", organization, "signerName", name, "signerRole", "Gérante"))
                .when().post("/api/v1/charters/" + Fixtures.currentVersion() + "/signatures").then().statusCode(201);
        String application = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.form(organization, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), Fixtures.fullAnswers()))
                .when().post("/api/v1/applications").then().statusCode(201).extract().path("id");

        UUID access = UUID.randomUUID();
        request(access, PrivacyRequested.Kind.ACCESS, subject);
        JsonNode exported = reply(access, 1).get(0);
        assertEquals("DONE", exported.path("outcome").asText());
        assertEquals("ACCESS", exported.path("kind").asText());
        assertEquals(name, exported.path("export").path("charter-signatures").path(0).path("signerName").asText());
        assertEquals(application, exported.path("export").path("label-applications").path(0).path("applicationId").asText());
        assertTrue(exported.path("export").path("label-audit-trail").size() >= 2);
        assertTrue(exported.path("records").asLong() >= 4);

        UUID erasure = UUID.randomUUID();
        request(erasure, PrivacyRequested.Kind.ERASURE, subject);
        JsonNode erased = reply(erasure, 1).get(0);
        assertEquals("DONE", erased.path("outcome").asText());
        assertTrue(erased.path("records").asLong() >= 4, erased.toString());
        assertTrue(erased.path("export").isNull() || erased.path("export").isMissingNode());

        String pseudonym = Pseudonyms.of(subject);
        JsonPath signatures = given().auth().oauth2(Fixtures.ADMIN)
                .when().get("/api/v1/charters/signatures?organizationId=" + organization)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(pseudonym, signatures.getString("items[0].signerName"));
        given().auth().oauth2(Fixtures.ADMIN).when().get("/api/v1/audit?organizationId=" + organization)
                .then().statusCode(200).body("items.actor", org.hamcrest.Matchers.hasItem(pseudonym))
                .body("items.actor", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(subject)));
        given().auth().oauth2(Fixtures.ADMIN).when().get("/api/v1/audit/verification")
                .then().statusCode(200).body("valid", is(true));

        // The desk asks again (a new event, the same request): nothing more changes, and label-service confirms.
        request(erasure, PrivacyRequested.Kind.ERASURE, subject);
        List<JsonNode> replies = reply(erasure, 2);
        assertEquals("DONE", replies.get(1).path("outcome").asText());
        assertEquals(0L, replies.get(1).path("records").asLong(), "a replayed erasure changes nothing");
        assertEquals(signatures.getString("items[0].signerNameSha256"), given().auth().oauth2(Fixtures.ADMIN)
                .when().get("/api/v1/charters/signatures?organizationId=" + organization)
                .then().statusCode(200).extract().path("items[0].signerNameSha256"));
        given().auth().oauth2(Fixtures.ADMIN).when().get("/api/v1/audit/verification")
                .then().statusCode(200).body("valid", is(true));
    }

    private void request(UUID requestId, PrivacyRequested.Kind kind, String subject) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String data = json.writeValueAsString(Map.of("requestId", requestId.toString(), "kind", kind.name(),
                "subject", subject, "requestedAt", now.toString()));
        new KafkaTestClient(broker).send(KafkaCloudEvents.toRecord(REQUESTS, new CloudEvent(UUID.randomUUID().toString(),
                DESK, PrivacyRequested.TYPE, requestId.toString(), now, data)));
    }

    /** Waits for label-service's {@code count} answers to the request, in order. */
    private List<JsonNode> reply(UUID requestId, int count) {
        List<ConsumerRecord<String, String>> records = new KafkaTestClient(broker).readUntil(PrivacyAnswered.TOPIC, PATIENCE,
                rs -> answers(rs, requestId).size() >= count);
        return answers(records, requestId);
    }

    private List<JsonNode> answers(List<ConsumerRecord<String, String>> records, UUID requestId) {
        return records.stream().filter(r -> requestId.toString().equals(r.key())).map(r -> {
            try {
                return json.readTree(r.value());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).filter(answer -> "label-service".equals(answer.path("service").asText())).toList();
    }
}
