package fr.sudia.notifications.email;

import static fr.sudia.notifications.support.Publisher.PATIENCE;
import static fr.sudia.notifications.support.Publisher.newId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.sudia.notifications.support.Publisher;
import fr.sudia.notifications.support.SmtpServer;
import fr.sudia.notifications.support.TestClock;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Registration notices from events-service, on the real broker, reach the registrant through the real SMTP server:
 * text and HTML parts in their language, a valid iCalendar invitation, one-click unsubscribe; a redelivered event
 * sends nothing more; the SMTP server down delays the email, never loses it.
 */
@QuarkusTest
class RegistrationEmailTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    @Inject
    EmailSender sender;

    Publisher publisher;

    @BeforeEach
    void publisher() {
        publisher = new Publisher(broker, entityManager);
        SmtpServer.startServer();
    }

    private static String address() {
        return "registrant-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static MimeMessage awaitOne(String recipient) {
        await().atMost(PATIENCE).until(() -> SmtpServer.messagesTo(recipient).size() >= 1);
        return SmtpServer.messagesTo(recipient).get(0);
    }

    /** Every leaf part of the message: content type, disposition and text. */
    record Leaf(String contentType, String disposition, String fileName, String text) {
    }

    private static List<Leaf> leaves(Part part) throws Exception {
        List<Leaf> leaves = new ArrayList<>();
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else {
            String text;
            if (content instanceof String s) {
                text = s;
            } else {
                try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    in.transferTo(out);
                    text = out.toString(StandardCharsets.UTF_8);
                }
            }
            leaves.add(new Leaf(part.getContentType().toLowerCase(), part.getDisposition(), part.getFileName(), text));
        }
        return leaves;
    }

    private static Leaf leaf(List<Leaf> leaves, String type) {
        return leaves.stream().filter(l -> l.contentType().startsWith(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " part in " + leaves));
    }

    @Test
    void aConfirmedRegistrationSendsTextHtmlAndAValidInvitation() throws Exception {
        String recipient = address();
        UUID registration = UUID.randomUUID();
        String start = "2027-02-10T13:00:00Z";
        publisher.registration(newId(), "confirmed", registration, "CONFIRMED", recipient, "fr", start, null);

        MimeMessage message = awaitOne(recipient);
        assertEquals("Inscription confirmée : Atelier « Découvrir l'IA », pour tous; vraiment", message.getSubject());
        String unsubscribe = message.getHeader("List-Unsubscribe", null);
        assertNotNull(unsubscribe);
        assertTrue(unsubscribe.matches("<http://localhost:8080/api/notifications/v1/unsubscribe\\?token=[^>]+>"), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post", null));

        List<Leaf> leaves = leaves(message);
        Leaf text = leaf(leaves, "text/plain");
        assertTrue(text.text().contains("Votre inscription à « Atelier « Découvrir l'IA », pour tous; vraiment » est confirmée."),
                text.text());
        assertTrue(text.text().contains("7KQ4M2XD"), text.text());
        assertTrue(text.text().contains("mercredi 10 février 2027 14:00") || text.text().contains("mercredi 10 février 2027 à 14:00"),
                text.text());
        Leaf html = leaf(leaves, "text/html");
        assertTrue(html.text().contains("<html lang=\"fr\">"), html.text());
        assertTrue(html.text().contains("Atelier « Découvrir l&#39;IA »") || html.text().contains("Atelier « Découvrir l&#x27;IA »"),
                "HTML-escaped title: " + html.text());

        Leaf invitation = leaf(leaves, "text/calendar");
        assertTrue(invitation.contentType().contains("method=request"), invitation.contentType());
        assertEquals("invitation.ics", invitation.fileName());
        Calendar calendar = new CalendarBuilder().build(new StringReader(invitation.text()));
        ValidationResult validation = calendar.validate();
        assertFalse(validation.hasErrors(), validation.toString());
        assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertEquals("registration-" + registration + "@sud-ia", event.getUid().orElseThrow().getValue());
        assertEquals("Atelier « Découvrir l'IA », pour tous; vraiment", event.getSummary().getValue());
        assertEquals(Instant.parse(start), Instant.from(event.getDateTimeStart().getDate()));
        assertEquals(Instant.parse(start).plus(Duration.ofHours(2)), Instant.from(event.getDateTimeEnd().getDate()));
        assertEquals("Maison de l'Intelligence Artificielle, Biot", event.getLocation().getValue());
        assertEquals("mailto:" + recipient, event.getProperty(Property.ATTENDEE).orElseThrow().getValue());
    }

    @Test
    void theRenderedPartsOfSentEmailsAreClearedAfterTheRetentionTheLogStays() {
        String recipient = address();
        publisher.registration(newId(), "confirmed", UUID.randomUUID(), "CONFIRMED", recipient, "fr", "2027-07-01T09:00:00Z", null);
        awaitOne(recipient);
        await().atMost(PATIENCE).until(() -> publisher.count(
                "select count(*) from email_delivery where recipient = ?1 and status = 'SENT'", recipient) == 1);
        // Within the retention nothing is cleared; past it the bodies and the invitation go, the log line stays.
        sender.clearBodiesBefore(java.time.OffsetDateTime.now(clock).minusDays(7));
        assertEquals(1, publisher.count("select count(*) from email_delivery where recipient = ?1 and text_body is not null", recipient));
        sender.clearBodiesBefore(java.time.OffsetDateTime.now(clock).plusDays(8).minusDays(7));
        assertEquals(1, publisher.count("""
                select count(*) from email_delivery where recipient = ?1 and status = 'SENT' and text_body is null
                and html_body is null and ics_body is null and kind = 'registration' and sent_at is not null""", recipient));
    }

    @Test
    void anEnglishRegistrantIsWrittenToInEnglishAndACancellationCancelsTheInvitation() throws Exception {
        String recipient = address();
        UUID registration = UUID.randomUUID();
        publisher.registration(newId(), "cancelled", registration, "CANCELLED", recipient, "en", "2027-03-01T09:00:00Z",
                "Discovering AI workshop");

        MimeMessage message = awaitOne(recipient);
        assertEquals("Registration cancelled: Discovering AI workshop", message.getSubject());
        List<Leaf> leaves = leaves(message);
        assertTrue(leaf(leaves, "text/plain").text().contains("Your registration for \"Discovering AI workshop\" is cancelled."));
        assertTrue(leaf(leaves, "text/html").text().contains("<html lang=\"en\">"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(leaf(leaves, "text/calendar").text()));
        assertFalse(calendar.validate().hasErrors());
        assertEquals("CANCEL", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertEquals("registration-" + registration + "@sud-ia", event.getUid().orElseThrow().getValue());
        assertEquals("1", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    @Test
    void aRedeliveredEventSendsNothingMore() {
        String recipient = address();
        String eventId = newId();
        UUID registration = UUID.randomUUID();
        publisher.registration(eventId, "waitlisted", registration, "WAITLISTED", recipient, "fr", "2027-04-01T09:00:00Z", null);
        awaitOne(recipient);
        publisher.registration(eventId, "waitlisted", registration, "WAITLISTED", recipient, "fr", "2027-04-01T09:00:00Z", null);
        // A later notice to the same person, after the duplicate on the same partition: once it is in, the duplicate
        // was handled (skipped) before it.
        String later = address();
        publisher.registration(newId(), "confirmed", registration, "CONFIRMED", later, "fr", "2027-04-01T09:00:00Z", null);
        awaitOne(later);
        assertEquals(1, SmtpServer.messagesTo(recipient).size());
        assertEquals(1, publisher.count("select count(*) from email_delivery where recipient = ?1", recipient));
    }

    @Test
    void oneClickUnsubscribeStopsTheMessagesOfItsCategory() throws Exception {
        String recipient = address();
        publisher.registration(newId(), "confirmed", UUID.randomUUID(), "CONFIRMED", recipient, "fr", "2027-05-01T09:00:00Z", null);
        MimeMessage message = awaitOne(recipient);
        String header = message.getHeader("List-Unsubscribe", null);
        URI link = URI.create(header.substring(1, header.length() - 1));
        String token = link.getRawQuery().substring("token=".length());
        String path = "/api/v1/unsubscribe";

        // A GET (a link scanner) changes nothing; a forged token is refused.
        given().queryParam("token", java.net.URLDecoder.decode(token, StandardCharsets.UTF_8)).when().get(path)
                .then().statusCode(200).body("unsubscribed", equalTo(false)).body("category", equalTo("events.registrations"));
        given().queryParam("token", "bm9ib2R5QGV4YW1wbGUub3JnCmV2ZW50cw.AAAA").contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").when().post(path)
                .then().statusCode(400).contentType("application/problem+json");

        // The mail client's one-click POST (RFC 8058).
        given().queryParam("token", java.net.URLDecoder.decode(token, StandardCharsets.UTF_8))
                .contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .when().post(path).then().statusCode(200).body("unsubscribed", equalTo(true));

        String eventId = publisher.registration(newId(), "cancelled", UUID.randomUUID(), "CANCELLED", recipient, "fr",
                "2027-05-02T09:00:00Z", null);
        publisher.awaitProcessed(eventId);
        await().atMost(PATIENCE).until(() -> publisher.count(
                "select count(*) from email_delivery where recipient = ?1 and status = 'SUPPRESSED'", recipient) == 1);
        assertEquals(1, SmtpServer.messagesTo(recipient).size());
    }

    @Test
    void theSmtpServerDownDelaysTheEmailNeverLosesIt() {
        String recipient = address();
        SmtpServer.stopServer();
        try {
            publisher.registration(newId(), "promoted", UUID.randomUUID(), "CONFIRMED", recipient, "fr", "2027-06-01T09:00:00Z", null);
            await().atMost(PATIENCE).until(() -> publisher.count("""
                    select count(*) from email_delivery where recipient = ?1 and status = 'PENDING' and attempts >= 1
                    and last_error is not null""", recipient) == 1);
            given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).queryParam("recipient", recipient)
                    .when().get("/api/v1/emails").then().statusCode(200)
                    .body("items[0].status", equalTo("PENDING")).body("items[0].kind", equalTo("registration"));
        } finally {
            SmtpServer.startServer();
        }
        // The next attempt is due at most max-retry later.
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        MimeMessage message = awaitOne(recipient);
        assertNotNull(message);
        await().atMost(PATIENCE).until(() -> publisher.count(
                "select count(*) from email_delivery where recipient = ?1 and status = 'SENT'", recipient) == 1);
    }
}
