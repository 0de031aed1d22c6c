package fr.sudia.events.registration;

import static fr.sudia.events.Fixtures.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.sudia.events.Fixtures;
import fr.sudia.events.event.EventPersonalData;
import fr.sudia.events.event.EventRevisionPersonalData;
import fr.sudia.events.support.TestClock;
import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PrivacyRequested;
import fr.sudia.platform.privacy.Pseudonyms;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.PrivacyRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Access and erasure requests (issue 21) as the service's handlers answer them, against the real database: a person
 * who registered to two workshops (one still to come, one past) and a partner who submitted and edited an event.
 */
@QuarkusTest
class PersonalDataRequestsTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    TestClock clock;

    @Inject
    RegistrationPersonalData registrations;

    @Inject
    EventPersonalData events;

    @Inject
    EventRevisionPersonalData revisions;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRegistrantsBookingsAreExportedThenErasedTheSeatGoingToTheWaitlistAndTheCountsStaying() {
        UUID org = UUID.randomUUID();
        Instant soon = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant later = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String pastWorkshop = RegistrationFlowTest.workshop(org, soon, 5, "\"maxSeatsPerBooking\":1");
        String comingWorkshop = RegistrationFlowTest.workshop(org, later, 1, "\"maxSeatsPerBooking\":1");
        String past = "/api/v1/events/" + pastWorkshop + "/occurrences/" + soon;
        String coming = "/api/v1/events/" + comingWorkshop + "/occurrences/" + later;
        String email = "helene.privacy." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Response attended = RegistrationFlowTest.book(past, booking("Hélène Faure", email));
        attended.then().statusCode(201).body("status", equalTo("CONFIRMED"));
        Response confirmed = RegistrationFlowTest.book(coming, booking("Hélène Faure", email.toUpperCase()));
        confirmed.then().statusCode(201).body("status", equalTo("CONFIRMED"));
        Response waiting = RegistrationFlowTest.book(coming, RegistrationFlowTest.person("Paul Girard", "SENIOR", 1,
                "\"inseeCode\":\"06088\""));
        waiting.then().statusCode(201).body("status", equalTo("WAITLISTED"));
        given().auth().oauth2(partner(org)).contentType("application/json")
                .body("{\"checkIns\":[{\"id\":\"" + UUID.randomUUID() + "\",\"bookingCode\":\"" + attended.path("bookingCode") + "\"}]}")
                .post(past + "/check-ins").then().statusCode(200);
        clock.advance(Duration.ofDays(2)); // the first workshop is over, the second still to come

        DataSubject person = new DataSubject(email.toUpperCase(), null);
        List<RegistrationPersonalData.RegistrationRecord> export = inTransaction(() -> registrations.export(person));
        assertEquals(2, export.size(), "both bookings, whatever the case of the address");
        assertEquals("Hélène Faure", export.get(0).name());
        assertEquals("Atelier IA seniors", export.get(0).eventTitle());
        assertEquals(Map.of("heard", "presse", "accessibility", "fauteuil roulant"), export.get(0).answers());
        assertEquals("06088", export.get(0).communeCode());
        assertEquals(1, export.get(0).present());

        assertEquals(2, inTransaction(() -> registrations.erase(person, "erased-0123456789abcdef")));

        // The coming booking is cancelled as a cancellation would be: Paul, waiting, gets the seat.
        given().get(RegistrationFlowTest.path(confirmed)).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("name", nullValue()).body("email", nullValue());
        given().get(RegistrationFlowTest.path(waiting)).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        // The past one keeps what is counted (category, commune, seats, presence), nothing that names her.
        given().auth().oauth2(partner(org)).get(past + "/registrants").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].status", equalTo("CONFIRMED"))
                .body("items[0].name", nullValue()).body("items[0].email", nullValue())
                .body("items[0].answers", equalTo(Map.of())).body("items[0].audience", equalTo("SENIOR"))
                .body("items[0].inseeCode", equalTo("06088")).body("items[0].present", equalTo(1));
        assertEquals(0L, count("select count(*) from registration where lower(email) = ?1", email));
        assertEquals(0L, count("""
                select count(*) from outbox_event where lower(payload::text) like ?1""", "%" + email + "%"),
                "no notice naming her left in the outbox");

        // Replayed: nothing more to do, nothing changes.
        String before = rows(email, attended, confirmed);
        assertEquals(0, inTransaction(() -> registrations.erase(person, "erased-0123456789abcdef")));
        assertEquals(before, rows(email, attended, confirmed));
        assertTrue(inTransaction(() -> registrations.export(person)).isEmpty());
    }

    @Test
    void aPartnersSubmissionsAndEditsKeepTheirContentUnderThePseudonym() {
        UUID org = UUID.randomUUID();
        String subject = "partner-privacy-" + UUID.randomUUID();
        String token = DevTokens.forSubject(Roles.PARTNER, subject, Map.of(Roles.ORGANIZATION_CLAIM, org.toString()));
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Response created = Fixtures.create(token, Fixtures.event("Meetup IA Toulon", start.toString(),
                start.plus(2, ChronoUnit.HOURS).toString(), ""));
        String id = created.path("id");
        given().auth().oauth2(token).header("If-Match", created.header("ETag")).contentType("application/json")
                .body(Fixtures.event("Meetup IA Toulon #2", start.toString(), start.plus(2, ChronoUnit.HOURS).toString(), ""))
                .put("/api/v1/events/" + id).then().statusCode(200);

        DataSubject person = new DataSubject(null, subject);
        List<EventPersonalData.SubmittedEvent> submitted = inTransaction(() -> events.export(person));
        assertEquals(1, submitted.size());
        assertEquals("Meetup IA Toulon #2", submitted.get(0).titleFr());
        List<EventRevisionPersonalData.Revision> changes = inTransaction(() -> revisions.export(person));
        assertEquals(List.of(1L, 2L), changes.stream().map(EventRevisionPersonalData.Revision::version).toList());

        String pseudonym = "erased-fedcba9876543210";
        assertEquals(1, inTransaction(() -> events.erase(person, pseudonym)));
        assertEquals(2, inTransaction(() -> revisions.erase(person, pseudonym)));
        assertEquals(0L, count("select count(*) from event where submitted_by = ?1", subject));
        assertEquals(0L, count("select count(*) from event_revision where actor = ?1", subject));
        assertEquals(2L, count("select count(*) from event_revision where actor = ?1", pseudonym));
        given().auth().oauth2(Fixtures.EDITOR).get("/api/v1/events/" + id + "/history").then().statusCode(200)
                .body("items.actor", equalTo(List.of(pseudonym, pseudonym)));
        given().auth().oauth2(Fixtures.EDITOR).get("/api/v1/events/" + id).then().statusCode(200)
                .body("titleFr", equalTo("Meetup IA Toulon #2"));

        assertEquals(0, inTransaction(() -> events.erase(person, pseudonym)) + inTransaction(() -> revisions.erase(person, pseudonym)));
        assertTrue(inTransaction(() -> events.export(person)).isEmpty());
    }

    @Test
    void theServiceAnswersTheDesksAccessAndErasureRequestsOnKafka() {
        UUID org = UUID.randomUUID();
        String subject = "member-kafka-" + UUID.randomUUID();
        String email = "kafka." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Instant start = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String workshop = RegistrationFlowTest.workshop(org, start, 10, "\"maxSeatsPerBooking\":1");
        Response booked = RegistrationFlowTest.book("/api/v1/events/" + workshop + "/occurrences/" + start,
                booking("Inès Kafka", email));
        booked.then().statusCode(201);
        String token = DevTokens.forSubject(Roles.PARTNER, subject, Map.of(Roles.ORGANIZATION_CLAIM, org.toString()));
        Fixtures.create(token, Fixtures.event("Conférence IA Avignon", start.toString(), start.plusSeconds(3600).toString(), ""));
        PrivacyRequests desk = new PrivacyRequests(broker);

        UUID access = UUID.randomUUID();
        desk.publish(access, PrivacyRequested.Kind.ACCESS, email.toUpperCase(), subject);
        JsonNode exported = desk.answers(access, "events-service", 1).get(0);
        assertEquals("DONE", exported.path("outcome").asText());
        assertEquals(3, exported.path("records").asLong(), exported.toString());
        assertEquals("Inès Kafka", exported.path("export").path("registrations").path(0).path("name").asText());
        assertEquals("Conférence IA Avignon", exported.path("export").path("submitted-events").path(0).path("titleFr").asText());
        assertEquals("SUBMITTED", exported.path("export").path("event-revisions").path(0).path("action").asText());

        UUID erasure = UUID.randomUUID();
        desk.publish(erasure, PrivacyRequested.Kind.ERASURE, email, subject);
        JsonNode erased = desk.answers(erasure, "events-service", 1).get(0);
        assertEquals("DONE", erased.path("outcome").asText());
        assertEquals(3, erased.path("records").asLong());
        assertTrue(erased.path("export").isNull());
        given().get(RegistrationFlowTest.path(booked)).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("name", nullValue());
        assertEquals(1L, count("select count(*) from event where submitted_by = ?1", Pseudonyms.of(subject)));

        // The desk asks again (a confirmation it missed): nothing more to erase, nothing changes.
        String before = rows(email, booked);
        desk.publish(erasure, PrivacyRequested.Kind.ERASURE, email, subject);
        JsonNode replayed = desk.answers(erasure, "events-service", 2).get(1);
        assertEquals("DONE", replayed.path("outcome").asText());
        assertEquals(0, replayed.path("records").asLong());
        assertEquals(before, rows(email, booked));
    }

    // ----

    private static String booking(String name, String email) {
        return """
                {"name":"%s","email":"%s","audience":"SENIOR","seats":1,"inseeCode":"06088",
                 "answers":{"heard":"presse","accessibility":"fauteuil roulant"},
                 "consent":{"version":"2026-12-01","accepted":true},"newsletter":true}""".formatted(name, email);
    }

    private String rows(String email, Response... bookings) {
        return inTransaction(() -> em.createNativeQuery("""
                select string_agg(concat_ws('|', id, status, name, email, structure_name, answers::text, seats, present,
                                  cancelled_at, pseudonymized_at, updated_at), ',' order by id)
                  from registration where booking_code = any(?1)""")
                .setParameter(1, java.util.Arrays.stream(bookings).map(b -> (String) b.path("bookingCode")).toArray(String[]::new))
                .getSingleResult()).toString();
    }

    private long count(String sql, String parameter) {
        return inTransaction(() -> ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue());
    }

    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
