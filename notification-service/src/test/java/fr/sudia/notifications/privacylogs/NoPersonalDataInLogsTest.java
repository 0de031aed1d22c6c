package fr.sudia.notifications.privacylogs;

import static fr.sudia.notifications.support.Publisher.PATIENCE;
import static fr.sudia.notifications.support.Publisher.newId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.notifications.support.Publisher;
import fr.sudia.notifications.support.SmtpServer;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Everything notification-service logs during a full flow with a recognizable person (their contact recorded, a
 * funding notice and a registration confirmation emailed through the real broker and SMTP server, an alert asked
 * for, a malformed request naming them) is captured: neither their name nor their email address appears in it.
 */
@QuarkusTest
class NoPersonalDataInLogsTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    @Test
    void aFullFlowLogsNoNameAndNoEmail() throws Exception {
        SmtpServer.startServer();
        Publisher publisher = new Publisher(broker, entityManager);
        String name = "Zéphyrine Journalisée";
        String local = "zephyrine.journal." + UUID.randomUUID().toString().substring(0, 8);
        String email = local + "@example.org";
        String subject = "member-" + UUID.randomUUID();
        List<String> lines = LogCapture.during(LogCapture.unchecked(() -> {
            String token = DevTokens.forSubject(Roles.MEMBER, subject, Map.of("email", email, "email_verified", true));
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("language", "fr"))
                    .when().put("/api/v1/me/contact").then().statusCode(200);
            publisher.publish(newId(), "funding.notices.v1", "funding-guichet-service",
                    "fr.sudia.funding.notice.request-status-changed", UUID.randomUUID().toString(), """
                    {"recipient":"%s","request":{"id":"%s","status":"IN_PROGRESS","submittedAt":"2027-02-01T09:30:00Z"},
                     "call":null,"application":null}""".formatted(subject, UUID.randomUUID()));
            publisher.publish(newId(), "events.registration-notices.v1", "events-service",
                    "fr.sudia.events.registration.confirmed", UUID.randomUUID().toString(), """
                    {"registrationId":"%s","bookingCode":"7KQ4M2XD","status":"CONFIRMED","seats":1,"waitlistPosition":null,
                     "occurrence":{"eventId":"%s","originalStart":"2027-02-10T13:00:00Z","startsAt":"2027-02-10T13:00:00Z",
                       "endsAt":"2027-02-10T15:00:00Z","timeZone":"Europe/Paris","titleFr":"Atelier","titleEn":null,
                       "venueName":"Maison de l'IA","city":"Biot"},
                     "recipient":{"name":"%s","email":"%s","language":"fr"}}"""
                    .formatted(UUID.randomUUID(), UUID.randomUUID(), name, email));
            given().contentType(ContentType.JSON).body(Map.of("email", email, "language", "fr", "kind", "EVENTS",
                    "frequency", "INSTANT", "consent", true, "departments", List.of("06")))
                    .when().post("/api/v1/alerts/subscriptions").then().statusCode(202);
            given().contentType(ContentType.JSON).body(Map.of("email", name + " <" + email + ">,", "language", "fr",
                    "kind", "EVENTS", "frequency", "INSTANT", "consent", true))
                    .when().post("/api/v1/alerts/subscriptions").then().statusCode(400);
            await().atMost(PATIENCE).until(() -> SmtpServer.messagesTo(email).size() >= 3);
            given().auth().oauth2(token).when().delete("/api/v1/me/contact").then().statusCode(204);
        }), "com.icegreen.greenmail"); // the test's SMTP server, which runs in this JVM, not the service
        assertTrue(lines.stream().anyMatch(line -> line.contains(LogCapture.MARK)), "the capture works");
        assertEquals(List.of(), lines.stream().filter(line -> {
            String lower = line.toLowerCase(Locale.ROOT);
            return lower.contains("zéphyrine") || lower.contains("journalisée") || lower.contains(local);
        }).toList(), "log lines naming the person");
    }
}
