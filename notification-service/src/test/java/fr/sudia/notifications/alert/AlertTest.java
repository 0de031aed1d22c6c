package fr.sudia.notifications.alert;

import static fr.sudia.notifications.support.Publisher.PATIENCE;
import static fr.sudia.notifications.support.Publisher.newId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.sudia.notifications.support.Publisher;
import fr.sudia.notifications.support.SmtpServer;
import fr.sudia.notifications.support.TestClock;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

/**
 * Alerts on the real broker, database and SMTP server: double opt-in (nothing but the confirmation request before it),
 * events near me, a daily digest gathering two new schemes funding matched with the organization, one-click
 * unsubscribe stopping them, the 7-day deadline reminder once, the management link, bad input refused.
 */
@QuarkusTest
class AlertTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONFIRM = Pattern.compile("alerts/confirmation\\?token=([A-Za-z0-9_-]+)");

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    @Inject
    AlertDispatch dispatch;

    @Inject
    DeadlineReminders reminders;

    @Inject
    Alerts alerts;

    Publisher publisher;

    @BeforeEach
    void publisher() {
        publisher = new Publisher(broker, entityManager);
        SmtpServer.startServer();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String address() {
        return "alert-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static Map<String, Object> form(String email, String kind, String frequency) {
        Map<String, Object> form = new HashMap<>();
        form.put("email", email);
        form.put("language", "fr");
        form.put("kind", kind);
        form.put("frequency", frequency);
        form.put("consent", true);
        return form;
    }

    private static String subscribe(RequestSpecification request, Map<String, Object> form) {
        return request.contentType(ContentType.JSON).body(form).when().post("/api/v1/alerts/subscriptions")
                .then().statusCode(202).contentType(ContentType.JSON).body("status", equalTo("PENDING"))
                .extract().path("id");
    }

    /** Reads the confirmation request (the only email so far) and confirms through its link. */
    private static void confirm(String email) throws Exception {
        await().atMost(PATIENCE).until(() -> SmtpServer.messagesTo(email).size() >= 1);
        assertEquals(1, SmtpServer.messagesTo(email).size());
        String text = text(SmtpServer.messagesTo(email).get(0), "text/plain");
        Matcher matcher = CONFIRM.matcher(text);
        assertTrue(matcher.find(), text);
        String token = matcher.group(1);
        // A GET (a link scanner) only describes.
        given().queryParam("token", token).when().get("/api/v1/alerts/confirmation").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        given().queryParam("token", token).when().post("/api/v1/alerts/confirmation").then().statusCode(200)
                .body("subscription.status", equalTo("CONFIRMED"))
                .body("subscription.consentTextVersion", equalTo(Alerts.CONSENT_TEXT_VERSION))
                .body("manageUrl", containsString("/api/notifications/v1/alerts/manage?token="));
        given().queryParam("token", token).when().post("/api/v1/alerts/confirmation").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static String text(Part part, String type) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = text(child, type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!part.getContentType().toLowerCase().startsWith(type)) {
            return null;
        }
        if (content instanceof String s) {
            return s;
        }
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private String event(String type, UUID id, String title, String address, String attendanceMode, String audiences) {
        String data = """
                {"id":"%s","titleFr":"%s","titleEn":null,"startsAt":"2027-03-12T08:00:00Z","endsAt":"2027-03-12T17:00:00Z",
                 "allDay":false,"timeZone":"Europe/Paris","previousStart":null,
                 "venue":{"name":"Maison de l'IA","address":%s,"city":"Biot","latitude":null,"longitude":null},
                 "onlineUrl":null,"attendanceMode":"%s","audiences":%s,"tags":[],"organizerId":null,"seriesId":null,
                 "edition":null,"url":"javascript:alert(1)","priceEur":null,"registrationUrl":null,"capacity":null,
                 "status":"SCHEDULED","moderation":"PUBLISHED","recurrence":null,"sequence":0,
                 "publishedAt":"2026-12-01T08:00:00Z","updatedAt":"2026-12-01T08:00:00Z"}"""
                .formatted(id, title, address == null ? "null" : "\"" + address + "\"", attendanceMode, audiences);
        return publisher.publish(newId(), "events.events.v1", "events-service", "fr.sudia.events.event." + type,
                id.toString(), data);
    }

    private String schemeMatched(UUID scheme, String name, List<UUID> organizations) {
        StringBuilder matches = new StringBuilder();
        for (UUID organization : organizations) {
            matches.append(matches.isEmpty() ? "" : ",").append("{\"organizationId\":\"").append(organization)
                    .append("\",\"verdict\":\"POSSIBLY_ELIGIBLE\"}");
        }
        String data = """
                {"schemeId":"%s","name":"%s","provider":"Région Sud","level":"REGION","kind":"GRANT","opensOn":null,
                 "deadlines":["2099-03-31"],"ongoing":false,"applicationUrl":"https://aides.example.org/%s","part":1,"parts":1,
                 "matches":[%s],"publishedAt":"2026-12-01T08:00:00Z"}""".formatted(scheme, name, scheme, matches);
        return publisher.publish(newId(), "funding.scheme-matches.v1", "funding-guichet-service",
                "fr.sudia.funding.scheme.matched", scheme.toString(), data);
    }

    private String scheme(UUID id, String name, LocalDate deadline) {
        String data = """
                {"id":"%s","name":"%s","provider":"Région Sud","providerOrganizationId":null,"level":"REGION","kind":"GRANT",
                 "pillars":["FINANCIAL"],"descriptionFr":"Une aide.","descriptionEn":null,"amountMinEur":null,"amountMaxEur":null,
                 "fundingRatePercent":null,"envelopeEur":null,"envelopePerYear":false,"durationMonths":null,"opensOn":null,
                 "deadlines":["%s"],"ongoing":false,"applicationUrl":null,"conditions":{},"status":"PUBLISHED","removed":false,
                 "createdAt":"2026-11-20T08:00:00Z","updatedAt":"2026-11-20T08:00:00Z"}""".formatted(id, name, deadline);
        return publisher.publish(newId(), "funding.schemes.v1", "funding-guichet-service",
                "fr.sudia.funding.scheme.published", id.toString(), data);
    }

    @Test
    void nothingButTheConfirmationRequestBeforeConfirmingThenNewEventsNearMe() throws Exception {
        String email = address();
        Map<String, Object> form = form(email, "EVENTS", "INSTANT");
        form.put("departments", List.of("06"));
        form.put("audiences", List.of("PROFESSIONNELS", "CHERCHEURS"));
        subscribe(given(), form);

        // Before confirmation: a matching event sends nothing (only the confirmation request arrives).
        publisher.awaitProcessed(event("published", UUID.randomUUID(), "Avant confirmation",
                "2400 route des Dolines, 06410 Biot", "OFFLINE", "[\"PROFESSIONNELS\"]"));
        confirm(email);

        UUID near = UUID.randomUUID();
        event("published", near, "Rencontre IA </script> à Biot", "2400 route des Dolines, 06410 Biot", "OFFLINE",
                "[\"PROFESSIONNELS\",\"GRAND_PUBLIC\"]");
        await().atMost(PATIENCE).until(() -> SmtpServer.messagesTo(email).size() == 2);
        MimeMessage alert = SmtpServer.messagesTo(email).get(1);
        assertEquals("Nouvel événement : Rencontre IA </script> à Biot", alert.getSubject());
        assertEquals("List-Unsubscribe=One-Click", alert.getHeader("List-Unsubscribe-Post", null));
        String html = text(alert, "text/html");
        assertTrue(html.contains("Rencontre IA &lt;/script&gt; à Biot"), html);
        assertFalse(html.contains("javascript:"), "an event's non-http link never reaches the email");
        assertTrue(text(alert, "text/plain").contains("Voir ou supprimer mes alertes : http://localhost:8080/api/notifications/v1/alerts/manage?token="));

        // Another department, another audience, an online event, an edit of the matching one: nothing more.
        String last = event("published", UUID.randomUUID(), "À Marseille", "1 quai du Port, 13002 Marseille", "OFFLINE", "[\"PROFESSIONNELS\"]");
        event("published", UUID.randomUUID(), "Pour les écoles", "06410 Biot", "OFFLINE", "[\"SCOLAIRES\"]");
        event("published", UUID.randomUUID(), "En ligne", null, "ONLINE", "[\"PROFESSIONNELS\"]");
        event("updated", near, "Rencontre IA à Biot, modifiée", "06410 Biot", "OFFLINE", "[\"PROFESSIONNELS\"]");
        String after = event("published", UUID.randomUUID(), "Dans le 06 encore", "06000 Nice", "OFFLINE", "[\"CHERCHEURS\"]");
        publisher.awaitProcessed(last);
        publisher.awaitProcessed(after);
        await().atMost(PATIENCE).until(() -> SmtpServer.messagesTo(email).size() == 3);
        Thread.sleep(1000);
        assertEquals(3, SmtpServer.messagesTo(email).size());
        assertEquals("Nouvel événement : Dans le 06 encore", SmtpServer.messagesTo(email).get(2).getSubject());
    }

    @Test
    void aDailyDigestGathersTwoNewSchemesForTheOrganizationAndUnsubscribingStopsThem() throws Exception {
        String email = address();
        UUID organization = UUID.randomUUID();
        Map<String, Object> form = form(email, "SCHEMES", "DAILY");
        form.put("organizationId", organization.toString());
        String id = subscribe(given().auth().oauth2(DevTokens.forOrganization(Roles.MEMBER, organization.toString())), form);
        confirm(email);

        publisher.awaitProcessed(schemeMatched(UUID.randomUUID(), "Amorçage IA", List.of(UUID.randomUUID(), organization)));
        publisher.awaitProcessed(schemeMatched(UUID.randomUUID(), "Prêt d'honneur IA", List.of(organization)));
        publisher.awaitProcessed(schemeMatched(UUID.randomUUID(), "Pour une autre", List.of(UUID.randomUUID())));
        assertEquals(2, publisher.count("select count(*) from alert_item where subscription_id = cast(?1 as uuid)", id));
        assertEquals(1, SmtpServer.messagesTo(email).size(), "a digest waits for its time");

        dispatch.sendDigests(AlertKind.DAILY);
        dispatch.sendDigests(AlertKind.DAILY);
        await().atMost(PATIENCE).until(() -> SmtpServer.messagesTo(email).size() == 2);
        MimeMessage digest = SmtpServer.messagesTo(email).get(1);
        assertEquals("Votre alerte Sud IA : 2 nouveauté(s)", digest.getSubject());
        String text = text(digest, "text/plain");
        assertTrue(text.contains("Amorçage IA") && text.contains("Prêt d'honneur IA") && !text.contains("Pour une autre"), text);
        assertTrue(text.contains("peut-être éligible"), text);
        assertTrue(text(digest, "text/html").contains("Prêt d&#39;honneur IA") || text(digest, "text/html").contains("Prêt d&#x27;honneur IA"));

        // One click (RFC 8058) on the digest's List-Unsubscribe stops this alert.
        String header = digest.getHeader("List-Unsubscribe", null);
        String token = URI.create(header.substring(1, header.length() - 1)).getRawQuery().substring("token=".length());
        given().queryParam("token", URLDecoder.decode(token, StandardCharsets.UTF_8)).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").when().post("/api/v1/unsubscribe").then().statusCode(200)
                .body("category", equalTo("alerts." + id));
        publisher.awaitProcessed(schemeMatched(UUID.randomUUID(), "Après le désabonnement", List.of(organization)));
        dispatch.sendDigests(AlertKind.DAILY);
        Thread.sleep(1500);
        assertEquals(2, SmtpServer.messagesTo(email).size());
        assertEquals(2, publisher.count("select count(*) from alert_item where subscription_id = cast(?1 as uuid)", id));
    }

    /** A call opening, from funding-guichet-service's own contract example, for these applicant types. */
    private String callOpened(UUID call, String title, List<String> applicantTypes) throws Exception {
        ObjectNode data = (ObjectNode) JSON.readTree(EventContracts.examples("funding.calls.v1", "CallOpened").get(0));
        data.put("callId", call.toString()).put("callTitle", title);
        ArrayNode types = data.putArray("applicantTypes");
        applicantTypes.forEach(types::add);
        return publisher.publish(newId(), "funding.calls.v1", "funding-guichet-service", "fr.sudia.funding.call.opened",
                call.toString(), data.toString());
    }

    @Test
    void aNewCallOpenToMyKindOfApplicantIsAlertedOthersAndResultsAreNot() throws Exception {
        String email = address();
        Map<String, Object> form = form(email, "CALLS", "INSTANT");
        form.put("applicantTypes", List.of("ASSOCIATION", "ASSOCIATION"));
        String id = subscribe(given(), form);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "language", "fr", "kind", "EVENTS",
                "frequency", "INSTANT", "consent", true, "applicantTypes", List.of("SCHOOL"))).post("/api/v1/alerts/subscriptions")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("applicantTypes"));
        confirm(email);

        UUID challenge = UUID.randomUUID();
        callOpened(challenge, "Challenge IA 2027", List.of("SCHOOL", "ASSOCIATION"));
        await().atMost(PATIENCE).until(() -> SmtpServer.messagesTo(email).size() == 2);
        MimeMessage alert = SmtpServer.messagesTo(email).get(1);
        assertEquals("Nouvel appel : Challenge IA 2027 — Lutter contre le harcèlement scolaire", alert.getSubject());
        String text = text(alert, "text/plain");
        assertTrue(text.contains("Date limite : "), text);
        assertTrue(text.contains("http://localhost:8080/api/funding/v1/calls/" + challenge), text);

        // A call for companies only, a laureate of the call, the same opening redelivered: nothing more.
        String companies = callOpened(UUID.randomUUID(), "Prix IA de l'année 2027", List.of("COMPANY"));
        String laureate = EventContracts.examples("funding.calls.v1", "CallResultPublished").get(0);
        String result = publisher.publish(newId(), "funding.calls.v1", "funding-guichet-service",
                "fr.sudia.funding.call.result-published", UUID.randomUUID().toString(), laureate);
        publisher.awaitProcessed(companies);
        publisher.awaitProcessed(result);
        Thread.sleep(1000);
        assertEquals(2, SmtpServer.messagesTo(email).size());
        given().queryParam("token", AlertTestLinks.manageToken(email))
                .get("/api/v1/alerts/manage").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.applicantTypes", equalTo(List.of("ASSOCIATION")));
    }

    @Test
    void aFollowedSchemesDeadlineIsRecalledOnceSevenDaysAhead() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        UUID scheme = UUID.randomUUID();
        publisher.awaitProcessed(scheme(scheme, "Booster IA", today.plusDays(9)));
        String email = address();
        Map<String, Object> form = form(email, "DEADLINES", "INSTANT");
        form.put("schemeIds", List.of(scheme.toString()));
        form.put("language", "en");
        subscribe(given(), form);
        confirm(email);

        reminders.remind();
        Thread.sleep(500);
        assertEquals(1, SmtpServer.messagesTo(email).size(), "9 days ahead: not yet");

        clock.advance(Duration.ofDays(2));
        reminders.remind();
        reminders.remind();
        await().atMost(PATIENCE).until(() -> SmtpServer.messagesTo(email).size() == 2);
        MimeMessage reminder = SmtpServer.messagesTo(email).get(1);
        assertEquals("Deadline in 7 days: Booster IA", reminder.getSubject());
        assertTrue(text(reminder, "text/plain").contains("Deadline: "), text(reminder, "text/plain"));

        clock.advance(Duration.ofDays(1));
        reminders.remind();
        Thread.sleep(1000);
        assertEquals(2, SmtpServer.messagesTo(email).size(), "once per deadline");
    }

    @Test
    void anUnconfirmedAlertExpiresAndTheManagementLinkListsAndDeletes() throws Exception {
        String email = address();
        subscribe(given(), form(email, "EVENTS", "WEEKLY"));
        await().atMost(PATIENCE).until(() -> SmtpServer.messagesTo(email).size() == 1);
        Matcher matcher = CONFIRM.matcher(text(SmtpServer.messagesTo(email).get(0), "text/plain"));
        assertTrue(matcher.find());
        clock.advance(Duration.ofHours(73));
        given().queryParam("token", matcher.group(1)).when().post("/api/v1/alerts/confirmation").then().statusCode(404)
                .contentType("application/problem+json");
        QuarkusTransaction.requiringNew().call(alerts::deleteExpired);
        assertEquals(0, publisher.count("select count(*) from alert_subscription where email = ?1", email));
        clock.reset();

        String other = address();
        subscribe(given(), form(other, "EVENTS", "WEEKLY"));
        confirm(other);
        String link = AlertTestLinks.manageToken(other);
        given().queryParam("token", link).when().get("/api/v1/alerts/manage").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("CONFIRMED"))
                .body("items[0].consentAt", org.hamcrest.Matchers.notNullValue()).body("email", equalTo("a***@example.org"));
        String id = given().queryParam("token", link).when().get("/api/v1/alerts/manage").then().extract().path("items[0].id");
        given().queryParam("token", AlertTestLinks.manageToken(address())).when()
                .delete("/api/v1/alerts/manage/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("token", link).when().delete("/api/v1/alerts/manage/subscriptions/" + id).then().statusCode(204);
        given().queryParam("token", link).when().get("/api/v1/alerts/manage").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("token", "forged.AAAA").when().get("/api/v1/alerts/manage").then().statusCode(400)
                .contentType("application/problem+json");

        // An admin's erasure of an address takes its alerts too.
        String erased = address();
        subscribe(given(), form(erased, "EVENTS", "DAILY"));
        given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).queryParam("recipient", erased).when().delete("/api/v1/emails")
                .then().statusCode(204);
        assertEquals(0, publisher.count("select count(*) from alert_subscription where email = ?1", erased));
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsStored() {
        String email = address();
        UUID organization = UUID.randomUUID();
        List<Map<String, Object>> bad = new ArrayList<>();
        Map<String, Object> department = form(email, "EVENTS", "DAILY");
        department.put("departments", List.of("6"));
        bad.add(department);
        Map<String, Object> misplaced = form(email, "EVENTS", "DAILY");
        misplaced.put("schemeIds", List.of(UUID.randomUUID().toString()));
        bad.add(misplaced);
        Map<String, Object> noConsent = form(email, "EVENTS", "DAILY");
        noConsent.put("consent", false);
        bad.add(noConsent);
        bad.add(form(email, "DEADLINES", "DAILY"));
        bad.add(form(email, "EVENTS", "HOURLY"));
        bad.add(form("not an address", "EVENTS", "DAILY"));
        Map<String, Object> language = form(email, "EVENTS", "DAILY");
        language.put("language", "de");
        bad.add(language);
        for (Map<String, Object> form : bad) {
            given().contentType(ContentType.JSON).body(form).when().post("/api/v1/alerts/subscriptions").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{\"email\":").when().post("/api/v1/alerts/subscriptions").then()
                .statusCode(400).contentType("application/problem+json");

        // Organization-profile alerts: members of that organization only; another one's is a 404.
        Map<String, Object> schemes = form(email, "SCHEMES", "INSTANT");
        schemes.put("organizationId", organization.toString());
        given().contentType(ContentType.JSON).body(schemes).when().post("/api/v1/alerts/subscriptions").then()
                .statusCode(401);
        given().auth().oauth2(DevTokens.forOrganization(Roles.MEMBER, UUID.randomUUID().toString()))
                .contentType(ContentType.JSON).body(schemes).when().post("/api/v1/alerts/subscriptions").then()
                .statusCode(404).contentType("application/problem+json");
        assertEquals(0, publisher.count("select count(*) from alert_subscription where email = ?1", email));
        assertEquals(0, SmtpServer.messagesTo(email).size());

        given().queryParam("token", "").when().post("/api/v1/alerts/confirmation").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
