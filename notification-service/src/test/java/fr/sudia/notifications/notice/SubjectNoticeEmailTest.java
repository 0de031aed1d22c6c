package fr.sudia.notifications.notice;

import static fr.sudia.notifications.support.Publisher.PATIENCE;
import static fr.sudia.notifications.support.Publisher.newId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.sudia.notifications.support.MailParts;
import fr.sudia.notifications.support.Publisher;
import fr.sudia.notifications.support.SmtpServer;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

/**
 * Notices addressed to token subjects (funding.notices.v1, label.notices.v1, as their producers' contracts describe
 * them) reach, through the real broker and SMTP server, the address the person recorded in the contact book; a
 * subject with no address is counted undeliverable; a redelivered notice sends nothing more.
 */
@QuarkusTest
class SubjectNoticeEmailTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    Publisher publisher;

    @BeforeEach
    void publisher() {
        publisher = new Publisher(broker, entityManager);
        SmtpServer.startServer();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A person who records their token's verified address in the contact book, in the given language. */
    private static String personWithAddress(String role, String subject, String email, String language) {
        String token = DevTokens.forSubject(role, subject, Map.of("email", email, "email_verified", true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("language", language))
                .when().put("/api/v1/me/contact")
                .then().statusCode(200).body("email", equalTo(email)).body("language", equalTo(language))
                .body("pendingEmail", nullValue());
        return token;
    }

    private static MimeMessage awaitOne(String recipient) {
        await().atMost(PATIENCE).until(() -> SmtpServer.messagesTo(recipient).size() >= 1);
        return SmtpServer.messagesTo(recipient).get(0);
    }

    private String fundingNotice(String eventId, String kind, String data) {
        return publisher.publish(eventId, FundingNotices.NOTICES, "funding-guichet-service", "fr.sudia.funding.notice." + kind,
                UUID.randomUUID().toString(), data);
    }

    @Test
    void theDay9ReminderReachesTheAdvisorOnceEvenRedelivered() throws Exception {
        String advisor = unique("advisor");
        String email = advisor + "@example.org";
        personWithAddress(Roles.ADVISOR, advisor, email, "fr");
        String eventId = newId();
        String data = """
                {"recipient":"%s","request":{"id":"%s","status":"WAITING","submittedAt":"2027-02-01T09:30:00Z"},
                 "call":null,"application":null}""".formatted(advisor, UUID.randomUUID());
        fundingNotice(eventId, "request-reminder", data);

        MimeMessage message = awaitOne(email);
        assertEquals("Une demande d'aide attend votre réponse depuis 9 jours", message.getSubject());
        String text = MailParts.text(message, "text/plain");
        assertTrue(text.contains("attend une réponse depuis 9 jours (déposée le 1 février 2027)"), text);
        assertTrue(MailParts.text(message, "text/html").contains("<html lang=\"fr\">"));

        fundingNotice(eventId, "request-reminder", data);
        publisher.awaitProcessed(eventId);
        Thread.sleep(1500);
        assertEquals(1, SmtpServer.messagesTo(email).size());
    }

    @Test
    void aStatusChangeReachesTheMemberInTheirLanguage() throws Exception {
        String member = unique("member");
        String email = member + "@example.org";
        personWithAddress(Roles.MEMBER, member, email, "en");
        fundingNotice(newId(), "request-status-changed", """
                {"recipient":"%s","request":{"id":"%s","status":"IN_PROGRESS","submittedAt":"2027-02-01T09:30:00Z"},
                 "call":null,"application":null}""".formatted(member, UUID.randomUUID()));

        MimeMessage message = awaitOne(email);
        assertEquals("Your funding request has a new status", message.getSubject());
        String text = MailParts.text(message, "text/plain");
        assertTrue(text.contains("has a new status: taken in charge."), text);
    }

    @Test
    void hostileTitlesStayTextInBothParts() throws Exception {
        String applicant = unique("applicant");
        String email = applicant + "@example.org";
        personWithAddress(Roles.MEMBER, applicant, email, "fr");
        String hostile = "Trophées </script><script>alert(1)</script> \\u0007\\u001b[31m <b>2027</b>";
        fundingNotice(newId(), "call-result", """
                {"recipient":"%s","request":null,"call":{"id":"%s","title":"%s"},
                 "application":{"id":"%s","outcome":"LAUREATE"}}""".formatted(applicant, UUID.randomUUID(), hostile,
                UUID.randomUUID()));

        MimeMessage message = awaitOne(email);
        String html = MailParts.text(message, "text/html");
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("</script>"), html);
        assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("lauréat"), html);
        String text = MailParts.text(message, "text/plain");
        assertFalse(text.contains("\u0007") || text.contains("\u001b"), text);
        assertTrue(text.contains("« Trophées </script><script>alert(1)</script>"), text);
    }

    @Test
    void aLabelStepReachesTheApplicant() throws Exception {
        String applicant = unique("member");
        String email = applicant + "@example.org";
        personWithAddress(Roles.MEMBER, applicant, email, "fr");
        publisher.publish(newId(), LabelNotices.NOTICES, "label-service", "fr.sudia.label.notice.justification-requested",
                UUID.randomUUID().toString(), """
                {"recipient":"%s","organization":{"id":"%s","name":"Azur <Vision>"},
                 "application":{"id":"%s","status":"JUSTIFICATION_REQUESTED","message":"Décrivez le jeu de données."},
                 "label":null}""".formatted(applicant, UUID.randomUUID(), UUID.randomUUID()));

        MimeMessage message = awaitOne(email);
        assertEquals("Le comité du label demande des justificatifs", message.getSubject());
        String text = MailParts.text(message, "text/plain");
        assertTrue(text.contains("pour la demande de « Azur <Vision> »"), text);
        assertTrue(text.contains("Décrivez le jeu de données."), text);
        assertTrue(MailParts.text(message, "text/html").contains("Azur &lt;Vision&gt;"));
    }

    @Test
    void aNewCharterVersionToSignReachesTheSignerInEnglish() throws Exception {
        String signer = unique("member");
        String email = signer + "@example.org";
        personWithAddress(Roles.MEMBER, signer, email, "en");
        publisher.publish(newId(), LabelNotices.NOTICES, "label-service", "fr.sudia.label.notice.charter-to-resign",
                signer, """
                {"recipient":"%s","organization":{"id":"%s","name":"Azur & Vision"},"application":null,"label":null,
                 "charter":{"version":2,"effectiveOn":"2027-01-01","signBy":"2027-01-31"}}""".formatted(signer, UUID.randomUUID()));

        MimeMessage message = awaitOne(email);
        assertEquals("A new version of the ethical charter: to be signed again", message.getSubject());
        String text = MailParts.text(message, "text/plain");
        assertTrue(text.contains("Version 2 of the Sud IA ethical charter applies from January 1, 2027. Sign it for \"Azur & Vision\" by January 31, 2027"), text);
        assertTrue(MailParts.text(message, "text/html").contains("Azur &amp; Vision"));
    }

    @Test
    void theReminderTheDayBeforeReachesTheRegistrant() throws Exception {
        String email = unique("registrant") + "@example.org";
        publisher.registration(newId(), "reminder", UUID.randomUUID(), "CONFIRMED", email, "fr", "2027-02-10T13:00:00Z", null);

        MimeMessage message = awaitOne(email);
        assertEquals("Rappel, c'est demain : Atelier « Découvrir l'IA », pour tous; vraiment", message.getSubject());
        String text = MailParts.text(message, "text/plain");
        assertTrue(text.contains("Rappel : la séance « Atelier « Découvrir l'IA », pour tous; vraiment » a lieu demain."), text);
        assertTrue(text.contains("7KQ4M2XD"), text);
    }

    @Test
    void theProducersExamplesAreConsumed() {
        for (String topic : List.of(FundingNotices.NOTICES, LabelNotices.NOTICES)) {
            EventContracts.examples(topic).forEach(example -> EventContracts.assertValid(topic, example));
        }
    }

    @Test
    void aSubjectWithNoAddressIsCountedUndeliverableNotAnError() {
        String eventId = fundingNotice(newId(), "jury-assigned", """
                {"recipient":"%s","request":null,"call":{"id":"%s","title":"Trophées de l'IA"},"application":null}"""
                .formatted(unique("juror"), UUID.randomUUID()));
        publisher.awaitProcessed(eventId);
        assertEquals(1, publisher.count("select count(*) from undeliverable_notice where dedup_key = ?1",
                "urn:sud-ia:funding-guichet-service/" + eventId));
        assertEquals(0, publisher.count("select count(*) from email_delivery where dedup_key = ?1",
                "urn:sud-ia:funding-guichet-service/" + eventId));
    }

    @Test
    void aGivenAddressIsUsedOnlyOnceItsLinkIsFollowedAndTheEntryIsErasable() throws Exception {
        String member = unique("member");
        String other = member + "@example.net";
        String token = DevTokens.forSubject(Roles.MEMBER, member, Map.of());
        given().auth().oauth2(token).when().get("/api/v1/me/contact").then().statusCode(404);
        // No verified claim and no address: nothing to write to.
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("language", "fr"))
                .when().put("/api/v1/me/contact").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("language", "de", "email", other))
                .when().put("/api/v1/me/contact").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("language", "en", "email", other))
                .when().put("/api/v1/me/contact")
                .then().statusCode(200).body("email", nullValue()).body("pendingEmail", equalTo(other));

        String text = MailParts.text(awaitOne(other), "text/plain");
        Matcher link = java.util.regex.Pattern.compile("/api/notifications/v1/contact/confirmations\\?token=([A-Za-z0-9_-]+)").matcher(text);
        assertTrue(link.find(), text);
        given().queryParam("token", "forged").when().post("/api/v1/contact/confirmations").then().statusCode(400);
        given().queryParam("token", link.group(1)).when().get("/api/v1/contact/confirmations")
                .then().statusCode(200).body("confirmed", equalTo(false));
        given().auth().oauth2(token).when().get("/api/v1/me/contact").then().statusCode(200).body("email", nullValue());
        given().queryParam("token", link.group(1)).when().post("/api/v1/contact/confirmations")
                .then().statusCode(200).body("confirmed", equalTo(true));
        given().auth().oauth2(token).when().get("/api/v1/me/contact").then().statusCode(200)
                .body("email", equalTo(other)).body("language", equalTo("en"));

        given().auth().oauth2(token).when().delete("/api/v1/me/contact").then().statusCode(204);
        given().auth().oauth2(token).when().get("/api/v1/me/contact").then().statusCode(404);
        given().when().get("/api/v1/me/contact").then().statusCode(401);
    }
}
