package fr.sudia.events.registration;

import static fr.sudia.events.registration.RegistrationFlowTest.book;
import static fr.sudia.events.registration.RegistrationFlowTest.path;
import static fr.sudia.events.registration.RegistrationFlowTest.workshop;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import fr.sudia.platform.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The newsletter consent is recorded with its text's version and time, and withdrawn through the management link
 * as easily as it was given; and a whole registration flow (booking, confirmation notice on Kafka, changes,
 * check-in, cancellation, a bad request) writes neither the registrant's name nor their email to the logs.
 */
@QuarkusTest
class ConsentAndLogsTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Test
    void theNewsletterConsentIsRecordedWithItsVersionAndWithdrawnThroughTheLink() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String eventId = workshop(UUID.randomUUID(), start, 10, "\"maxSeatsPerBooking\":2");
        String occurrence = "/api/v1/events/" + eventId + "/occurrences/" + start;
        given().get("/api/v1/events/" + eventId + "/registration").then().statusCode(200)
                .body("newsletterConsent.version", equalTo("2026-12-06")).body("newsletterConsent.textFr", notNullValue());

        Response booked = book(occurrence, booking("Nora Lettre", "nora.lettre@example.org", true));
        booked.then().statusCode(201).body("newsletter", equalTo(true))
                .body("newsletterConsentVersion", equalTo("2026-12-06")).body("newsletterConsentAt", notNullValue())
                .body("newsletterWithdrawnAt", nullValue());

        String withdrawnAt = given().delete(path(booked) + "/newsletter-consent").then().statusCode(200)
                .body("newsletter", equalTo(false)).body("status", equalTo("CONFIRMED"))
                .body("newsletterConsentVersion", equalTo("2026-12-06")).body("newsletterWithdrawnAt", notNullValue())
                .extract().path("newsletterWithdrawnAt");
        given().delete(path(booked) + "/newsletter-consent").then().statusCode(200)
                .body("newsletterWithdrawnAt", equalTo(withdrawnAt));
        given().get(path(booked)).then().statusCode(200).body("newsletter", equalTo(false))
                .body("newsletterWithdrawnAt", equalTo(withdrawnAt));

        Response without = book(occurrence, booking("Omar Sanslettre", "omar.sanslettre@example.org", false));
        without.then().statusCode(201).body("newsletter", equalTo(false)).body("newsletterConsentVersion", nullValue());
        given().delete("/api/v1/bookings/not-a-token/newsletter-consent").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aWholeRegistrationFlowLogsNoNameAndNoEmail() {
        String name = "Zéphyrin Traçable";
        String email = "zephyrin.tracable." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        List<String> lines = LogCapture.during(LogCapture.unchecked(() -> {
            Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            String eventId = workshop(UUID.randomUUID(), start, 1, "\"maxSeatsPerBooking\":1");
            String occurrence = "/api/v1/events/" + eventId + "/occurrences/" + start;
            Response booked = book(occurrence, booking(name, email, true));
            booked.then().statusCode(201).body("status", equalTo("CONFIRMED"));
            // The same address again, on a full occurrence, and a malformed booking naming the person.
            book(occurrence, booking(name, email, false)).then().statusCode(201).body("status", equalTo("WAITLISTED"));
            book(occurrence, booking(name, "not an address " + email, false)).then().statusCode(400);
            new KafkaTestClient(broker).readUntil(RegistrationDesk.NOTICES_TOPIC, Duration.ofSeconds(30),
                    records -> records.stream().map(ConsumerRecord::value).anyMatch(v -> v != null && v.contains(email)));
            given().delete(path(booked) + "/newsletter-consent").then().statusCode(200);
            given().delete(path(booked)).then().statusCode(200).body("status", equalTo("CANCELLED"));
            given().delete(path(booked) + "/personal-data").then().statusCode(204);
        }));
        assertTrue(lines.stream().anyMatch(line -> line.contains(LogCapture.MARK)), "the capture works");
        String all = String.join("\n", lines).toLowerCase(Locale.ROOT);
        assertEquals(List.of(), lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).contains("traçable")
                || l.toLowerCase(Locale.ROOT).contains(email)).toList(), "log lines naming the registrant");
        assertTrue(!all.contains("zéphyrin") && !all.contains(email.toLowerCase(Locale.ROOT)));
    }

    private static String booking(String name, String email, boolean newsletter) {
        return """
                {"name":"%s","email":"%s","audience":"SENIOR","seats":1,"inseeCode":"06088","newsletter":%s,
                 "answers":{"accessibility":"Fauteuil roulant pour %s"},"consent":{"version":"2026-12-01","accepted":true}}"""
                .formatted(name, email, newsletter, name);
    }
}
