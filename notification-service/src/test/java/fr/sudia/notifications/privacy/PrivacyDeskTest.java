package fr.sudia.notifications.privacy;

import static fr.sudia.notifications.support.Publisher.PATIENCE;
import static fr.sudia.notifications.support.Publisher.newId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.notifications.support.Publisher;
import fr.sudia.notifications.support.SmtpServer;
import fr.sudia.notifications.support.TestClock;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The privacy desk on the real broker and database: the test profile waits for notification-service itself (its
 * platform consumer answers from its own data) and for events-service, which the tests play by writing its answers
 * on privacy.replies.v1 when they choose.
 */
@QuarkusTest
class PrivacyDeskTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = DevTokens.forSubject(Roles.ADMIN, "admin-dpo", Map.of());
    private static final String NOTE = "Demande écrite reçue le 4 mai, pièce d'identité vérifiée par le DPO";

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    @Inject
    PrivacyDesk desk;

    Publisher publisher;

    @BeforeEach
    void publisher() {
        publisher = new Publisher(broker, entityManager);
        SmtpServer.startServer();
    }

    /** What a test left open would be sent again every second for the rest of the run: its requests go. */
    @AfterEach
    void closeOpenRequests() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from privacy_request where status <> 'COMPLETED'").executeUpdate());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A member with a contact book entry (their token's verified email) and an alert subscription to that address. */
    private static void personWithData(String subject, String email) {
        String token = DevTokens.forSubject(Roles.MEMBER, subject, Map.of("email", email, "email_verified", true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("language", "fr"))
                .when().put("/api/v1/me/contact").then().statusCode(200);
        Map<String, Object> alert = new HashMap<>();
        alert.put("email", email);
        alert.put("language", "fr");
        alert.put("kind", "EVENTS");
        alert.put("frequency", "DAILY");
        alert.put("departments", List.of("06"));
        alert.put("consent", true);
        given().contentType(ContentType.JSON).body(alert).when().post("/api/v1/alerts/subscriptions")
                .then().statusCode(202);
    }

    private static String create(String kind, String email, String subject) {
        Map<String, Object> form = new HashMap<>();
        form.put("kind", kind);
        form.put("email", email);
        form.put("subject", subject);
        form.put("verificationNote", NOTE);
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(form)
                .when().post("/api/v1/privacy-requests")
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/privacy-requests/"))
                .body("status", equalTo("RECEIVED")).body("kind", equalTo(kind))
                .body("requestedBy", equalTo("admin-dpo")).body("verificationNote", equalTo(NOTE))
                .body("pending", equalTo(List.of("notification-service", "events-service")))
                .extract().path("id");
    }

    private static JsonNode view(String id) {
        return read(given().auth().oauth2(ADMIN).when().get("/api/v1/privacy-requests/" + id)
                .then().statusCode(200).extract().asString());
    }

    private static void awaitConfirmed(String id, String service) {
        await().atMost(PATIENCE).until(() -> view(id).path("confirmed").toString().contains("\"" + service + "\""));
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(view(id).path("status").asText()));
    }

    /** events-service's answer, as its platform consumer would write it. */
    private void answerAsEventsService(String id, String kind, String outcome, long records, String export) {
        publisher.publish(newId(), PrivacyTopics.REPLIES, "events-service", "fr.sudia.privacy.answered", id, """
                {"requestId":"%s","service":"events-service","kind":"%s","outcome":"%s","records":%d,"export":%s,
                 "answeredAt":"2026-05-04T09:30:02Z"}""".formatted(id, kind, outcome, records, export));
    }

    private List<ConsumerRecord<String, String>> records(String topic, String key, int atLeast) {
        return new KafkaTestClient(broker).readUntil(topic, PATIENCE,
                read -> read.stream().filter(r -> key.equals(r.key())).count() >= atLeast)
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAccessRequestGathersEveryServicesDataThenAnErasureRemovesItAndAReplayChangesNothing() {
        String subject = unique("member");
        String email = subject + "@example.org";
        personWithData(subject, email);

        String access = create("ACCESS", email.toUpperCase(), subject);

        // The request as every service reads it: one contract, the address in lower case, keyed by the request.
        ConsumerRecord<String, String> published = records("privacy.requests.v1", access, 1).get(0);
        CloudEvent requested = KafkaCloudEvents.fromRecord(published);
        assertEquals("fr.sudia.privacy.requested", requested.type());
        EventContracts.assertValid("privacy.requests.v1", requested.data());
        JsonNode payload = read(requested.data());
        assertEquals("ACCESS", payload.path("kind").asText());
        assertEquals(email, payload.path("email").asText());
        assertEquals(subject, payload.path("subject").asText());

        // notification-service answers from its own data; the request waits for events-service.
        awaitConfirmed(access, "notification-service");
        JsonNode waiting = view(access);
        assertEquals("IN_PROGRESS", waiting.path("status").asText());
        assertEquals("[\"events-service\"]", waiting.path("pending").toString());
        assertEquals(false, waiting.path("exportAvailable").asBoolean());
        given().auth().oauth2(ADMIN).when().get("/api/v1/privacy-requests/" + access + "/export")
                .then().statusCode(409).contentType("application/problem+json");

        CloudEvent answered = KafkaCloudEvents.fromRecord(records("privacy.replies.v1", access, 1).get(0));
        EventContracts.assertValid("privacy.replies.v1", answered.data());
        JsonNode own = read(answered.data());
        assertEquals("notification-service", own.path("service").asText());
        assertEquals("DONE", own.path("outcome").asText());

        answerAsEventsService(access, "ACCESS", "DONE", 1,
                "{\"registrations\":[{\"eventTitle\":\"Atelier IA et santé\",\"email\":\"" + email + "\"}]}");
        awaitStatus(access, "COMPLETED");

        JsonNode export = read(given().auth().oauth2(ADMIN).when().get("/api/v1/privacy-requests/" + access + "/export")
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString());
        JsonNode mine = export.path("services").path("notification-service");
        assertEquals(1, mine.path("contacts").size(), export.toString());
        assertEquals(email, mine.path("contacts").get(0).path("email").asText());
        assertEquals(subject, mine.path("contacts").get(0).path("subject").asText());
        assertEquals(1, mine.path("alerts").size());
        assertEquals("EVENTS", mine.path("alerts").get(0).path("kind").asText());
        assertTrue(mine.path("emails").size() >= 1, "the alert's confirmation request is in the email log");
        assertEquals("Atelier IA et santé",
                export.at("/services/events-service/registrations/0/eventTitle").asText());
        String summary = export.at("/summary/fr").asText();
        assertTrue(summary.contains("contacts (1 enregistrement)") && summary.contains("alerts (1 enregistrement)")
                && summary.contains("notification-service : "), summary);
        assertTrue(export.at("/summary/en").asText().contains("events-service: registrations (1 record)"),
                export.at("/summary/en").asText());
        assertTrue(export.path("counts").toString().contains("{\"service\":\"notification-service\",\"dataset\":\"alerts\",\"records\":1}"));

        // The erasure: notification-service deletes its data and confirms; events-service confirms later.
        String erasure = create("ERASURE", email, subject);
        awaitConfirmed(erasure, "notification-service");
        assertEquals(0, publisher.count("select count(*) from contact where subject = ?1", subject));
        assertEquals(0, publisher.count("select count(*) from alert_subscription where email = ?1", email));
        assertEquals(0, publisher.count("select count(*) from email_delivery where recipient = ?1", email));
        given().auth().oauth2(DevTokens.forSubject(Roles.MEMBER, subject, Map.of())).when().get("/api/v1/me/contact")
                .then().statusCode(404);
        answerAsEventsService(erasure, "ERASURE", "DONE", 1, "null");
        awaitStatus(erasure, "COMPLETED");
        JsonNode done = view(erasure);
        assertEquals("[\"notification-service\",\"events-service\"]", done.path("confirmed").toString());
        assertEquals("[]", done.path("pending").toString());
        given().auth().oauth2(ADMIN).when().get("/api/v1/privacy-requests/" + erasure + "/export")
                .then().statusCode(409).contentType("application/problem+json");

        // A replayed request (a new event with the same request, as a retry sends it): nothing more is erased, the
        // service confirms again with nothing changed, and the completed request stays as it was.
        int answersBefore = records("privacy.replies.v1", erasure, 1).size();
        publisher.publish(newId(), "privacy.requests.v1", "notification-service", "fr.sudia.privacy.requested", erasure,
                """
                {"requestId":"%s","kind":"ERASURE","email":"%s","subject":"%s","requestedAt":"2026-05-04T09:45:00Z"}"""
                        .formatted(erasure, email, subject));
        List<ConsumerRecord<String, String>> answers = records("privacy.replies.v1", erasure, answersBefore + 1);
        JsonNode again = read(KafkaCloudEvents.fromRecord(answers.get(answers.size() - 1)).data());
        assertEquals("DONE", again.path("outcome").asText());
        assertEquals(0, again.path("records").asLong(), "a replayed erasure changes nothing");
        JsonNode after = view(erasure);
        assertEquals("COMPLETED", after.path("status").asText());
        assertEquals(done.path("completedAt").asText(), after.path("completedAt").asText());
        assertEquals(done.path("publications").asInt(), after.path("publications").asInt());
    }

    @Test
    void anAccessExportIsClearedAfterItsRetention() {
        String subject = unique("retention");
        String id = create("ACCESS", null, subject);
        awaitConfirmed(id, "notification-service");
        answerAsEventsService(id, "ACCESS", "DONE", 0, "{}");
        awaitStatus(id, "COMPLETED");
        given().auth().oauth2(ADMIN).when().get("/api/v1/privacy-requests/" + id + "/export")
                .then().statusCode(200).body("services.'events-service'", equalTo(Map.of()))
                .body("summary.en", containsString("events-service: no data"));
        try {
            clock.advance(Duration.ofDays(29));
            desk.purgeExports();
            assertEquals(true, view(id).path("exportAvailable").asBoolean(), "kept 30 days");
            clock.advance(Duration.ofDays(2));
            assertTrue(desk.purgeExports() >= 1);
        } finally {
            clock.reset();
        }
        JsonNode cleared = view(id);
        assertEquals(false, cleared.path("exportAvailable").asBoolean());
        assertTrue(cleared.path("exportPurgedAt").isTextual(), cleared.toString());
        assertEquals("COMPLETED", cleared.path("status").asText(), "the request stays, as the evidence");
        given().auth().oauth2(ADMIN).when().get("/api/v1/privacy-requests/" + id + "/export")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cleared"));
    }

    @Test
    void aFailingHandlerChangesNothingAndTheServiceAnswersFailed() {
        String subject = unique("failing");
        String email = subject + FailingData.DOMAIN;
        personWithData(subject, email);
        String id = create("ERASURE", email, subject);

        List<ConsumerRecord<String, String>> answers = records("privacy.replies.v1", id, 1);
        JsonNode answer = read(KafkaCloudEvents.fromRecord(answers.get(0)).data());
        assertEquals("notification-service", answer.path("service").asText());
        assertEquals("FAILED", answer.path("outcome").asText());
        assertEquals(0, answer.path("records").asLong());
        assertTrue(answer.path("export").isNull());
        // The handlers that had run before the failing one are rolled back with it: nothing is half erased.
        assertEquals(1, publisher.count("select count(*) from contact where subject = ?1", subject));
        assertEquals(1, publisher.count("select count(*) from alert_subscription where email = ?1", email));
        await().atMost(PATIENCE).until(() -> view(id).path("services").toString().contains("\"FAILED\""));
        JsonNode waiting = view(id);
        assertEquals("IN_PROGRESS", waiting.path("status").asText());
        assertTrue(waiting.path("pending").toString().contains("notification-service"), waiting.toString());
    }

    @Test
    void aServiceThatAnswersLateIsAskedAgainUntilItConfirms() {
        String subject = unique("late");
        String id = create("ERASURE", null, subject);
        awaitConfirmed(id, "notification-service");

        // No answer from events-service: the request is published again (a new event id each time), and stays open.
        List<ConsumerRecord<String, String>> published = records("privacy.requests.v1", id, 3);
        assertTrue(published.size() >= 3, "published at least twice more: " + published.size());
        assertEquals(published.size(), published.stream().map(r -> KafkaCloudEvents.fromRecord(r).id()).distinct().count());
        JsonNode waiting = view(id);
        assertEquals("IN_PROGRESS", waiting.path("status").asText());
        assertTrue(waiting.path("publications").asInt() >= 3, waiting.toString());
        assertEquals("[\"events-service\"]", waiting.path("pending").toString());

        // A failure is not a confirmation.
        answerAsEventsService(id, "ERASURE", "FAILED", 0, "null");
        await().atMost(PATIENCE).until(() -> view(id).path("services").toString().contains("\"FAILED\""));
        assertEquals("IN_PROGRESS", view(id).path("status").asText());

        answerAsEventsService(id, "ERASURE", "DONE", 0, "null");
        awaitStatus(id, "COMPLETED");
        int publications = view(id).path("publications").asInt();
        await().pollDelay(Duration.ofMillis(2500)).atMost(PATIENCE).until(() -> true);
        assertEquals(publications, view(id).path("publications").asInt(), "a completed request is not sent again");
    }

    @Test
    void aPersonAsksForTheirOwnDataAndSeesOnlyTheirOwnRequests() {
        String subject = unique("self");
        String email = subject + "@example.org";
        String verified = DevTokens.forSubject(Roles.MEMBER, subject, Map.of("email", email, "email_verified", true));
        String id = given().auth().oauth2(verified).contentType(ContentType.JSON).body(Map.of("kind", "ACCESS"))
                .when().post("/api/v1/me/privacy-requests")
                .then().statusCode(201).body("subject", equalTo(subject)).body("email", equalTo(email))
                .body("selfService", equalTo(true)).body("verificationNote", nullValue())
                .extract().path("id");
        given().auth().oauth2(verified).when().get("/api/v1/me/privacy-requests/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("kind", equalTo("ACCESS"));

        // An unverified email claim is not used: the request is about the subject only.
        String unverified = DevTokens.forSubject(Roles.MEMBER, unique("self"), Map.of("email", "x@example.org",
                "email_verified", false));
        given().auth().oauth2(unverified).contentType(ContentType.JSON).body(Map.of("kind", "ERASURE"))
                .when().post("/api/v1/me/privacy-requests")
                .then().statusCode(201).body("email", nullValue()).body("subject", notNullValue());

        // Someone else's request, or one an admin opened about the person, is not found.
        given().auth().oauth2(unverified).when().get("/api/v1/me/privacy-requests/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(unverified).when().get("/api/v1/me/privacy-requests/" + id + "/export")
                .then().statusCode(404).contentType("application/problem+json");
        String byAdmin = create("ACCESS", null, subject);
        given().auth().oauth2(verified).when().get("/api/v1/me/privacy-requests/" + byAdmin)
                .then().statusCode(404);

        // A member cannot use the admin desk; nobody without a token can use either.
        String member = DevTokens.forRole(Roles.MEMBER);
        given().auth().oauth2(member).contentType(ContentType.JSON)
                .body(Map.of("kind", "ACCESS", "email", email, "verificationNote", NOTE))
                .when().post("/api/v1/privacy-requests").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(member).when().get("/api/v1/privacy-requests").then().statusCode(403);
        given().auth().oauth2(member).when().get("/api/v1/privacy-requests/" + id).then().statusCode(403);
        given().auth().oauth2(member).when().get("/api/v1/privacy-requests/" + id + "/export").then().statusCode(403);
        given().when().get("/api/v1/privacy-requests").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("kind", "ACCESS"))
                .when().post("/api/v1/me/privacy-requests").then().statusCode(401);
    }

    @Test
    void badRequestsAreRefusedWithTheirViolationsAndRecordNothing() {
        long before = publisher.count("select count(*) from privacy_request");
        Map<String, Object> nobody = new HashMap<>(Map.of("kind", "ACCESS", "verificationNote", NOTE));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(nobody).when().post("/api/v1/privacy-requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.message", hasItem("give the person's email or token subject, or both"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "FORGET", "email", "a@example.org", "verificationNote", NOTE))
                .when().post("/api/v1/privacy-requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.message", hasItem("must be ACCESS or ERASURE"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("kind", "ERASURE", "email", "a@example.org"))
                .when().post("/api/v1/privacy-requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.message", hasItem("say how the person's identity was verified"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "ACCESS", "email", "not an address", "verificationNote", NOTE))
                .when().post("/api/v1/privacy-requests").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.MEMBER)).contentType(ContentType.JSON).body(Map.of("kind", "EVERYTHING"))
                .when().post("/api/v1/me/privacy-requests").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).queryParam("cursor", "not-a-cursor").when().get("/api/v1/privacy-requests")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).when().get("/api/v1/privacy-requests/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(before, publisher.count("select count(*) from privacy_request"));
    }

    @Test
    void adminsPageThroughTheRequestsNewestFirst() {
        String first = create("ACCESS", unique("p") + "@example.org", null);
        String second = create("ACCESS", unique("p") + "@example.org", null);
        JsonNode page = read(given().auth().oauth2(ADMIN).queryParam("limit", 1).when().get("/api/v1/privacy-requests")
                .then().statusCode(200).body("items", hasSize(1)).extract().asString());
        assertEquals(second, page.at("/items/0/id").asText());
        String cursor = page.path("nextCursor").asText();
        given().auth().oauth2(ADMIN).queryParam("limit", 1).queryParam("cursor", cursor).when().get("/api/v1/privacy-requests")
                .then().statusCode(200).body("items[0].id", equalTo(first));
        given().auth().oauth2(ADMIN).queryParam("limit", 101).when().get("/api/v1/privacy-requests").then().statusCode(400);
    }
}
