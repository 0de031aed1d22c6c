package fr.sudia.notifications.webhook;

import static fr.sudia.notifications.support.Publisher.PATIENCE;
import static fr.sudia.notifications.support.Publisher.newId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.notifications.support.Publisher;
import fr.sudia.notifications.support.SmtpServer;
import fr.sudia.notifications.support.TestClock;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Partners' webhooks, fed by events on the real broker and delivered to a receiver on loopback (allowed by the test
 * profile only): the signature checked by an independent implementation of the Standard Webhooks specification,
 * the retry schedule followed in order then the subscription disabled and its owner told, redelivery, duplicates.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String CANCELLED = "fr.sudia.events.event.cancelled";

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    Publisher publisher;

    @BeforeEach
    void publisher() {
        publisher = new Publisher(broker, entityManager);
        SmtpServer.startServer();
    }

    private static String partner(String organization) {
        return DevTokens.forOrganization(Roles.PARTNER, organization);
    }

    private JsonPath subscribe(String organization, String url, String owner) {
        return given().auth().oauth2(partner(organization)).contentType(ContentType.JSON)
                .body("""
                        {"url": "%s", "eventTypes": ["%s", "fr.sudia.label.label.granted"], "ownerEmail": "%s",
                         "description": "Agenda du site partenaire"}""".formatted(url, CANCELLED, owner))
                .when().post("/api/v1/webhooks/subscriptions")
                .then().statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();
    }

    /** Publishes an event cancelled (events-service's contract example, with an id of its own). */
    private String eventCancelled(String eventId, UUID id) {
        String data = EventContracts.examples("events.events.v1").get(0)
                .replace("0b7d8c62-3f55-4d6e-9a51-6c2b0e4f1a77", id.toString())
                .replace("\"SCHEDULED\"", "\"CANCELLED\"");
        return publisher.publish(eventId, "events.events.v1", "events-service", CANCELLED, id.toString(), data);
    }

    /** Standard Webhooks, written from the specification's text, not from the service's code. */
    private static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader)
            throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        for (String signature : signatureHeader.split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && java.security.MessageDigest.isEqual(parts[1].getBytes(), expected.getBytes())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aDeliveryIsSignedPerTheSpecificationAndADuplicateEventIsDeliveredOnce() throws Exception {
        String organization = UUID.randomUUID().toString();
        try (Receiver receiver = new Receiver()) {
            JsonPath subscription = subscribe(organization, receiver.url(), "tech@partner.example.org");
            String secret = subscription.getString("secret");
            UUID id = UUID.randomUUID();
            String eventId = newId();
            eventCancelled(eventId, id);
            await().atMost(PATIENCE).until(() -> receiver.requests.size() == 1);

            Receiver.Request request = receiver.requests.get(0);
            String webhookId = request.header("webhook-id");
            String timestamp = request.header("webhook-timestamp");
            assertTrue(verifies(secret, webhookId, timestamp, request.body(), request.header("webhook-signature")),
                    request.headers().toString());
            assertFalse(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), webhookId, timestamp,
                    request.body(), request.header("webhook-signature")));
            assertTrue(Math.abs(Long.parseLong(timestamp) - clock.instant().getEpochSecond()) < 300);
            assertTrue(request.header("content-type").startsWith("application/json"));
            JsonNode payload = new ObjectMapper().readTree(request.body());
            assertEquals(CANCELLED, payload.get("type").asText());
            assertEquals(id.toString(), payload.get("data").get("id").asText());
            assertEquals("CANCELLED", payload.get("data").get("status").asText());
            OffsetDateTime.parse(payload.get("timestamp").asText());

            // The same event again (redelivered by Kafka), then another: only the other is delivered.
            eventCancelled(eventId, id);
            eventCancelled(newId(), UUID.randomUUID());
            await().atMost(PATIENCE).until(() -> receiver.requests.size() == 2);
            Thread.sleep(500);
            assertEquals(2, receiver.requests.size());

            // Rotation: the new secret signs, the previous one too for the overlap.
            String subscriptionId = subscription.getString("id");
            String rotated = given().auth().oauth2(partner(organization))
                    .when().post("/api/v1/webhooks/subscriptions/" + subscriptionId + "/secret/rotate")
                    .then().statusCode(200).extract().jsonPath().getString("secret");
            eventCancelled(newId(), UUID.randomUUID());
            await().atMost(PATIENCE).until(() -> receiver.requests.size() == 3);
            Receiver.Request third = receiver.requests.get(2);
            assertTrue(verifies(rotated, third.header("webhook-id"), third.header("webhook-timestamp"), third.body(),
                    third.header("webhook-signature")));
            assertTrue(verifies(secret, third.header("webhook-id"), third.header("webhook-timestamp"), third.body(),
                    third.header("webhook-signature")));

            // Another partner does not see the subscription.
            given().auth().oauth2(partner(UUID.randomUUID().toString()))
                    .when().get("/api/v1/webhooks/subscriptions/" + subscriptionId).then().statusCode(404);
        }
    }

    @Test
    void aFailingReceiverGetsTheRetriesInOrderThenIsDisabledAndItsOwnerToldThenARedeliveryWorks() throws Exception {
        String organization = UUID.randomUUID().toString();
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example.org";
        List<Duration> schedule = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
        try (Receiver receiver = new Receiver()) {
            receiver.status.set(500);
            String subscription = subscribe(organization, receiver.url(), owner).getString("id");
            eventCancelled(newId(), UUID.randomUUID());
            for (int attempt = 1; attempt <= schedule.size(); attempt++) {
                if (attempt > 1) {
                    // Not a second early: the attempt waits for its time.
                    clock.advance(schedule.get(attempt - 1).minusSeconds(2));
                    Thread.sleep(600);
                    assertEquals(attempt - 1, receiver.requests.size(), "attempt " + attempt + " came early");
                    clock.advance(Duration.ofSeconds(3));
                }
                int expected = attempt;
                await().atMost(PATIENCE).until(() -> receiver.requests.size() == expected);
            }
            await().atMost(PATIENCE).until(() -> "DISABLED".equals(given().auth().oauth2(partner(organization))
                    .when().get("/api/v1/webhooks/subscriptions/" + subscription).then().extract().path("status")));

            // Every attempt carried the same webhook-id, and the log has them in order with the schedule's gaps.
            assertEquals(1, receiver.requests.stream().map(r -> r.header("webhook-id")).distinct().count());
            JsonPath log = given().auth().oauth2(partner(organization))
                    .when().get("/api/v1/webhooks/subscriptions/" + subscription + "/deliveries")
                    .then().statusCode(200).body("items[0].status", equalTo("FAILED"))
                    .body("items[0].attempts", equalTo(8)).extract().jsonPath();
            List<String> times = log.getList("items[0].attemptLog.attemptedAt", String.class);
            List<Duration> gaps = new ArrayList<>();
            for (int i = 1; i < times.size(); i++) {
                gaps.add(Duration.between(OffsetDateTime.parse(times.get(i - 1)), OffsetDateTime.parse(times.get(i))));
            }
            for (int i = 0; i < gaps.size(); i++) {
                assertTrue(gaps.get(i).compareTo(schedule.get(i + 1)) >= 0, "gap " + i + ": " + gaps);
            }
            assertEquals(List.of(500, 500, 500, 500, 500, 500, 500, 500),
                    log.getList("items[0].attemptLog.statusCode", Integer.class));

            // The owner is told.
            await().atMost(PATIENCE).until(() -> SmtpServer.messagesTo(owner).size() == 1);
            assertTrue(SmtpServer.messagesTo(owner).get(0).getSubject().contains("Webhook subscription disabled"));

            // While disabled nothing is sent and a redelivery is refused; enabled again, the redelivery arrives.
            String delivery = log.getString("items[0].id");
            String redeliver = "/api/v1/webhooks/subscriptions/" + subscription + "/deliveries/" + delivery + "/redeliver";
            given().auth().oauth2(partner(organization)).when().post(redeliver).then().statusCode(409)
                    .contentType("application/problem+json");
            receiver.status.set(200);
            given().auth().oauth2(partner(organization)).when().post("/api/v1/webhooks/subscriptions/" + subscription + "/enable")
                    .then().statusCode(200).body("status", equalTo("ACTIVE"));
            given().auth().oauth2(partner(organization)).when().post(redeliver).then().statusCode(202);
            await().atMost(PATIENCE).until(() -> receiver.requests.size() == 9);
            assertEquals(receiver.requests.get(0).header("webhook-id"), receiver.requests.get(8).header("webhook-id"));
            await().atMost(PATIENCE).until(() -> "DELIVERED".equals(given().auth().oauth2(partner(organization))
                    .when().get("/api/v1/webhooks/subscriptions/" + subscription + "/deliveries")
                    .then().extract().path("items[0].status")));
        }
    }

    @Test
    void theGuardIsCheckedAgainAtEveryAttempt() throws Exception {
        String organization = UUID.randomUUID().toString();
        try (Receiver receiver = new Receiver()) {
            String subscription = subscribe(organization, receiver.url(), "tech@partner.example.org").getString("id");
            // The subscription's address now leads to a private network (as a re-pointed DNS name would).
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("update webhook_subscription set url = 'http://10.0.0.1/hook' where id = ?1")
                    .setParameter(1, UUID.fromString(subscription)).executeUpdate());
            eventCancelled(newId(), UUID.randomUUID());
            await().atMost(PATIENCE).until(() -> publisher.count("""
                    select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id
                    where d.subscription_id = ?1 and a.error like 'refused: %10.0.0.1%private%'""",
                    UUID.fromString(subscription)) == 1);
            assertEquals(0, receiver.requests.size());
        }
    }

    @Test
    void subscriptionsToPrivateOrMetadataAddressesAreRefused() {
        for (String url : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/hook",
                "http://[fd00::1]/hook", "ftp://partner.example.org/hook", "http://user:pw@127.0.0.1/hook")) {
            given().auth().oauth2(partner(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                    .body("""
                            {"url": "%s", "eventTypes": ["%s"], "ownerEmail": "tech@partner.example.org"}""".formatted(url, CANCELLED))
                    .when().post("/api/v1/webhooks/subscriptions")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(partner(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body("""
                        {"url": "http://127.0.0.1:9/hook", "eventTypes": ["fr.sudia.nothing"], "ownerEmail": "tech@partner.example.org"}""")
                .when().post("/api/v1/webhooks/subscriptions")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.MEMBER)).contentType(ContentType.JSON)
                .body("""
                        {"url": "http://127.0.0.1:9/hook", "eventTypes": ["%s"], "ownerEmail": "tech@partner.example.org"}""".formatted(CANCELLED))
                .when().post("/api/v1/webhooks/subscriptions")
                .then().statusCode(403);
    }
}
