package fr.sudia.events.registration;

import static fr.sudia.events.Fixtures.EDITOR;
import static fr.sudia.events.Fixtures.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.events.Fixtures;
import fr.sudia.events.support.TestClock;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * A workshop as the Maison de l'IA runs it: registration opened, people and a class booking, the waitlist moving,
 * check-in at the door, the attendance counted on Kafka, personal data pseudonymized: real PostgreSQL and broker.
 */
@QuarkusTest
class RegistrationFlowTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    TestClock clock;

    @Inject
    AttendancePublisher attendance;

    @Inject
    RegistrationRetention retention;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void bookingsWaitlistPromotionCheckInAttendanceAndPseudonymization() throws Exception {
        UUID org = UUID.randomUUID();
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String eventId = workshop(org, start, 3, "\"maxSeatsPerBooking\":2");
        String occurrence = "/api/v1/events/" + eventId + "/occurrences/" + start;

        given().get("/api/v1/events/" + eventId + "/registration").then().statusCode(200)
                .body("capacity", equalTo(3)).body("consent.version", equalTo("2026-12-01"))
                .body("occurrences[0].originalStart", equalTo(start.toString()))
                .body("occurrences[0].seatsLeft", equalTo(3)).body("occurrences[0].state", equalTo("OPEN"));

        Response alice = book(occurrence, person("Alice Martin", "SENIOR", 1, "\"inseeCode\":\"06018\""));
        alice.then().statusCode(201).body("status", equalTo("CONFIRMED")).body("bookingCode", Matchers.code())
                .body("manageUrl", containsString("/api/events/v1/bookings/"))
                .body("invitation", containsString("BEGIN:VCALENDAR"));
        Response bruno = book(occurrence, person("Bruno Rossi", "JOB_SEEKER", 2, "\"postcode\":\"83000\""));
        bruno.then().statusCode(201).body("status", equalTo("CONFIRMED")).body("seats", equalTo(2));
        Response lycee = groupBook(occurrence, group("0060030A", "LYCEE", 2, 1));
        lycee.then().statusCode(201).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        Response chloe = book(occurrence, person("Chloé Durand", "PUPIL", 1, "\"inseeCode\":\"13055\""));
        chloe.then().statusCode(201).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(2));

        given().get("/api/v1/events/" + eventId + "/registration").then().statusCode(200)
                .body("occurrences[0].seatsLeft", equalTo(0)).body("occurrences[0].waitlisted", equalTo(2))
                .body("occurrences[0].state", equalTo("WAITLIST"));

        // Alice cancels: one seat. The class (2) does not fit and keeps its place; Chloé (1) is promoted.
        given().delete(path(alice)).then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().get(path(chloe)).then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("waitlistPosition", nullValue());
        given().get(path(lycee)).then().statusCode(200).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));

        // The organizer raises this occurrence's capacity: the class is promoted.
        given().auth().oauth2(partner(org)).contentType("application/json").body("{\"capacity\":5}")
                .put(occurrence + "/registration").then().statusCode(200).body("capacity", equalTo(5))
                .body("seatsLeft", equalTo(0));
        given().get(path(lycee)).then().statusCode(200).body("status", equalTo("CONFIRMED"));

        // Bruno needs one seat less: freed for nobody waiting, seats left 1.
        given().contentType("application/json").body("{\"seats\":1}").put(path(bruno) + "/seats").then().statusCode(200)
                .body("seats", equalTo(1));
        given().get("/api/v1/events/" + eventId + "/registration").then().body("occurrences[0].seatsLeft", equalTo(1));

        // The registrants are told, through the outbox; nothing on that topic breaks its contract.
        List<ConsumerRecord<String, String>> notices = new KafkaTestClient(broker).readUntil(RegistrationDesk.NOTICES_TOPIC,
                Duration.ofSeconds(30), records -> types(records, eventId).contains("fr.sudia.events.registration.promoted")
                        && types(records, eventId).stream().filter(t -> t.endsWith(".promoted")).count() >= 2);
        List<String> types = types(notices, eventId);
        assertEquals(2, types.stream().filter(t -> t.endsWith(".promoted")).count(), types.toString());
        assertTrue(types.contains("fr.sudia.events.registration.waitlisted"));
        notices.stream().filter(r -> r.value().contains(eventId))
                .forEach(r -> EventContracts.assertValid(RegistrationDesk.NOTICES_TOPIC, r.value()));

        // The organizer's list, in arrival order; another organization's partner learns nothing.
        given().auth().oauth2(partner(org)).get(occurrence + "/registrants").then().statusCode(200)
                .body("items.name", equalTo(List.of("Alice Martin", "Bruno Rossi", "Dominique Bernard", "Chloé Durand")))
                .body("items.status", equalTo(List.of("CANCELLED", "CONFIRMED", "CONFIRMED", "CONFIRMED")));
        given().auth().oauth2(partner(UUID.randomUUID())).get(occurrence + "/registrants").then().statusCode(404);
        given().get(occurrence + "/registrants").then().statusCode(401);

        // Check-in from two devices; the same scan resent and a second scan of the same booking count once.
        String brunoCode = bruno.path("bookingCode");
        String lyceeCode = lycee.path("bookingCode");
        UUID scan = UUID.randomUUID();
        String batch = """
                {"checkIns":[{"id":"%s","bookingCode":"%s","device":"porte-nord"},
                             {"id":"%s","bookingCode":"%s","present":2,"device":"porte-sud"}]}"""
                .formatted(scan, brunoCode, UUID.randomUUID(), lyceeCode);
        given().auth().oauth2(partner(org)).contentType("application/json").body(batch).post(occurrence + "/check-ins")
                .then().statusCode(200).body("results.outcome", equalTo(List.of("CHECKED_IN", "CHECKED_IN")));
        given().auth().oauth2(partner(org)).contentType("application/json").body("""
                {"checkIns":[{"id":"%s","bookingCode":"%s"},{"id":"%s","bookingCode":"%s"},
                             {"id":"%s","bookingCode":"%s"}]}""".formatted(scan, brunoCode, UUID.randomUUID(),
                brunoCode, UUID.randomUUID(), alice.path("bookingCode")))
                .post(occurrence + "/check-ins").then().statusCode(200)
                .body("results.outcome", equalTo(List.of("ALREADY_RECORDED", "CHECKED_IN", "NOT_CONFIRMED")))
                .body("results[1].present", equalTo(1));

        // Once the occurrence has ended, its attendance is published: counts only.
        clock.advance(Duration.ofDays(3));
        attendance.publishDue();
        JsonNode recorded = attendanceOf(eventId, 1);
        assertEquals(5, recorded.path("capacity").asInt());
        assertEquals(3, recorded.path("totals").path("bookings").asInt());
        assertEquals(4, recorded.path("totals").path("registered").asInt());
        assertEquals(3, recorded.path("totals").path("present").asInt());
        assertEquals(1, recorded.path("totals").path("noShows").asInt(), "Chloé never came");
        assertEquals(1, recorded.path("totals").path("girlsDeclared").asInt());
        assertEquals("[8]", recorded.path("measures").toString());
        assertEquals(json.readTree("""
                [{"audience":"JOB_SEEKER","registered":1,"present":1},{"audience":"PUPIL","registered":3,"present":2}]"""),
                recorded.path("byAudience"));
        assertEquals(json.readTree("""
                [{"level":"LYCEE","groups":1,"registered":2,"present":2,"girlsDeclared":1}]"""), recorded.path("byLevel"));
        assertEquals(json.readTree("""
                [{"commune":"06088","department":"06","registered":2,"present":2},
                 {"commune":"13055","department":"13","registered":1,"present":0},
                 {"commune":"83000","department":"83","registered":1,"present":1}]"""), recorded.path("byCommune"));
        assertFalse(recorded.toString().contains("Bruno"), "no personal data on the attendance topic");
        assertFalse(recorded.toString().contains("@example.org"), "no personal data on the attendance topic");

        // Chloé's device was offline: her scan arrives late, with its own time; the attendance is republished.
        given().auth().oauth2(partner(org)).contentType("application/json").body("""
                {"checkIns":[{"id":"%s","bookingCode":"%s","checkedAt":"%s"}]}""".formatted(UUID.randomUUID(),
                chloe.path("bookingCode"), start.plusSeconds(600))).post(occurrence + "/check-ins").then().statusCode(200)
                .body("results[0].outcome", equalTo("CHECKED_IN"));
        attendance.publishDue();
        JsonNode revised = attendanceOf(eventId, 2);
        assertEquals(4, revised.path("totals").path("present").asInt());
        assertEquals(0, revised.path("totals").path("noShows").asInt());
        assertEquals(0, attendance.publishDue(), "nothing more to publish");

        // 91 days after: names and emails are gone, the counts stay.
        clock.advance(Duration.ofDays(91));
        assertTrue(retention.pseudonymizeDue() >= 4);
        given().auth().oauth2(partner(org)).get(occurrence + "/registrants").then().statusCode(200)
                .body("items.name", equalTo(java.util.Arrays.asList(null, null, null, null)))
                .body("items.email", equalTo(java.util.Arrays.asList(null, null, null, null)))
                .body("items.audience", equalTo(List.of("SENIOR", "JOB_SEEKER", "PUPIL", "PUPIL")))
                .body("items.present", equalTo(java.util.Arrays.asList(null, 1, 2, 1)));
    }

    @Test
    void aRegistrantErasesTheirDataAndTheCancelledOccurrenceTellsEveryone() throws Exception {
        UUID org = UUID.randomUUID();
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String eventId = workshop(org, start, 10, "\"maxSeatsPerBooking\":1");
        String occurrence = "/api/v1/events/" + eventId + "/occurrences/" + start;
        Response erased = book(occurrence, person("Eve Laurent", "PROFESSIONAL", 1, "\"inseeCode\":\"84007\""));
        Response kept = book(occurrence, person("Farid Benali", "TEACHER", 1, "\"inseeCode\":\"04070\""));

        given().delete(path(erased) + "/personal-data").then().statusCode(204);
        given().get(path(erased)).then().statusCode(200).body("status", equalTo("CANCELLED")).body("name", nullValue())
                .body("email", nullValue()).body("audience", equalTo("PROFESSIONAL"));
        given().get("/api/v1/events/" + eventId + "/registration").then().body("occurrences[0].seatsLeft", equalTo(9));

        // The event is cancelled: Farid is told, his booking is cancelled, his invitation says so.
        Response event = given().auth().oauth2(EDITOR).get("/api/v1/events/" + eventId);
        given().auth().oauth2(EDITOR).header("If-Match", event.header("ETag")).contentType("application/json")
                .body(Fixtures.event("Atelier IA seniors", start.toString(), start.plus(2, ChronoUnit.HOURS).toString(),
                        ",\"status\":\"CANCELLED\""))
                .put("/api/v1/events/" + eventId).then().statusCode(200);
        given().get(path(kept)).then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().get(path(kept) + "/invitation.ics").then().statusCode(200).body(containsString("STATUS:CANCELLED"));
        List<ConsumerRecord<String, String>> notices = new KafkaTestClient(broker).readUntil(RegistrationDesk.NOTICES_TOPIC,
                Duration.ofSeconds(30), records -> types(records, eventId).contains("fr.sudia.events.registration.occurrence-cancelled"));
        assertEquals(1, types(notices, eventId).stream().filter(t -> t.endsWith("occurrence-cancelled")).count(),
                "only Farid: Eve erased her data and her booking");
        given().get(path(kept) + "/qr.svg").then().statusCode(200).contentType("image/svg+xml")
                .body(containsString(kept.path("bookingCode")));
    }

    @Test
    void theContractsExamplesAreValid() {
        EventContracts.examples(AttendancePublisher.TOPIC).forEach(e -> EventContracts.assertValid(AttendancePublisher.TOPIC, e));
        EventContracts.examples(RegistrationDesk.NOTICES_TOPIC).forEach(e -> EventContracts.assertValid(RegistrationDesk.NOTICES_TOPIC, e));
    }

    // ----

    static String workshop(UUID org, Instant start, int capacity, String extra) {
        String eventId = Fixtures.published("Atelier IA seniors", start.toString(), start.plus(2, ChronoUnit.HOURS).toString(),
                ",\"organizerId\":\"" + org + "\"").path("id");
        given().auth().oauth2(partner(org)).contentType("application/json").body("""
                {"capacity":%d,"groupsAllowed":true,"waitlist":true,"measures":[8],%s,
                 "questions":[{"id":"accessibility","labelFr":"Besoins d'accessibilité","type":"TEXT","required":false},
                              {"id":"heard","labelFr":"Comment nous avez-vous connus ?","type":"CHOICE",
                               "choices":["presse","bouche-à-oreille","école"],"required":false}]}"""
                .formatted(capacity, extra)).put("/api/v1/events/" + eventId + "/registration").then().statusCode(200)
                .header("ETag", "\"1\"");
        return eventId;
    }

    static String person(String name, String audience, int seats, String place) {
        return """
                {"name":"%s","email":"%s@example.org","audience":"%s","seats":%d,%s,
                 "answers":{"heard":"presse"},"consent":{"version":"2026-12-01","accepted":true}}"""
                .formatted(name, java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                        .toLowerCase().replace(' ', '.').replaceAll("[^a-z0-9.]", ""), audience, seats, place);
    }

    static String group(String uai, String level, int headCount, int girls) {
        return """
                {"structureName":"Lycée Masséna","uai":"%s","level":"%s","headCount":%d,"girls":%d,
                 "contactName":"Dominique Bernard","contactEmail":"dominique.bernard@example.org","inseeCode":"06088",
                 "consent":{"version":"2026-12-01","accepted":true}}""".formatted(uai, level, headCount, girls);
    }

    static Response book(String occurrence, String body) {
        return given().contentType("application/json").body(body).post(occurrence + "/bookings").then().extract().response();
    }

    static Response groupBook(String occurrence, String body) {
        return given().contentType("application/json").body(body).post(occurrence + "/group-bookings").then().extract().response();
    }

    /** The management link's path, as a registrant would follow it (the gateway's prefix taken off). */
    static String path(Response booked) {
        String url = booked.path("manageUrl");
        return "/api/v1/bookings/" + url.substring(url.lastIndexOf('/') + 1);
    }

    private JsonNode attendanceOf(String eventId, int revision) throws Exception {
        List<ConsumerRecord<String, String>> records = new KafkaTestClient(broker).readUntil(AttendancePublisher.TOPIC,
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> isRevision(r, eventId, revision)));
        ConsumerRecord<String, String> record = records.stream().filter(r -> isRevision(r, eventId, revision)).findFirst()
                .orElseThrow(() -> new AssertionError("no attendance revision " + revision + " for " + eventId + " among "
                        + records.stream().map(r -> r.key() + " " + r.value()).toList()));
        EventContracts.assertValid(AttendancePublisher.TOPIC, record.value());
        EventContracts.assertCarriesExactly(AttendancePublisher.TOPIC, record.value());
        assertEquals("fr.sudia.events.attendance.recorded", header(record, "ce_type"));
        return json.readTree(record.value());
    }

    private boolean isRevision(ConsumerRecord<String, String> record, String eventId, int revision) {
        try {
            return record.key().startsWith(eventId) && json.readTree(record.value()).path("revision").asInt() == revision;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records, String eventId) {
        return records.stream().filter(r -> r.value().contains(eventId)).map(r -> header(r, "ce_type")).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        assertTrue(header != null, "missing header " + name);
        return new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static final class Matchers {
        static org.hamcrest.Matcher<String> code() {
            return org.hamcrest.Matchers.matchesPattern("[2-9A-HJ-NP-TV-Z]{8}");
        }
    }
}
