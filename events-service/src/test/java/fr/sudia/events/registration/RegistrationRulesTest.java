package fr.sudia.events.registration;

import static fr.sudia.events.Fixtures.partner;
import static fr.sudia.events.registration.RegistrationFlowTest.book;
import static fr.sudia.events.registration.RegistrationFlowTest.group;
import static fr.sudia.events.registration.RegistrationFlowTest.groupBook;
import static fr.sudia.events.registration.RegistrationFlowTest.person;
import static fr.sudia.events.registration.RegistrationFlowTest.workshop;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** What registration refuses, and what parallel bookings cannot break. */
@QuarkusTest
class RegistrationRulesTest {

    @Test
    void aHundredParallelBookingsForTenSeatsConfirmExactlyTenAndWaitlistTheRestInOrder() throws Exception {
        UUID org = UUID.randomUUID();
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String eventId = workshop(org, start, 10, "\"maxSeatsPerBooking\":1");
        String occurrence = "/api/v1/events/" + eventId + "/occurrences/" + start;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String body = person("Personne " + i, "GENERAL_PUBLIC", 1, "\"postcode\":\"06000\"");
            Callable<Response> booking = () -> {
                go.await();
                return book(occurrence, body);
            };
            futures.add(pool.submit(booking));
        }
        go.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> future : futures) {
            answers.add(future.get());
        }
        pool.shutdown();
        answers.forEach(a -> assertEquals(201, a.statusCode(), a.asString()));
        assertEquals(10, answers.stream().filter(a -> "CONFIRMED".equals(a.path("status"))).count());
        assertEquals(90, answers.stream().filter(a -> "WAITLISTED".equals(a.path("status"))).count());
        assertEquals(100, answers.stream().map(a -> (String) a.path("bookingCode")).distinct().count(), "no duplicate code");
        List<Integer> positions = answers.stream().filter(a -> "WAITLISTED".equals(a.path("status")))
                .map(a -> (Integer) a.path("waitlistPosition")).sorted().toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 90).boxed().toList(), positions,
                "each waitlisted booking has its own place, 1 to 90");

        // The organizer's list agrees: 10 confirmed first in arrival order, then the 90 waiting.
        List<String> statuses = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(partner(org)).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(occurrence + "/registrants").then().statusCode(200).extract().response();
            statuses.addAll(page.path("items.status"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(100, statuses.size());
        assertEquals(10, statuses.stream().filter("CONFIRMED"::equals).count());
        given().get("/api/v1/events/" + eventId + "/registration").then().body("occurrences[0].seatsLeft", equalTo(0))
                .body("occurrences[0].waitlisted", equalTo(90));
    }

    @Test
    void badInputIsA4xxProblemAndChangesNothing() {
        UUID org = UUID.randomUUID();
        Instant start = Instant.now().plus(12, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String eventId = workshop(org, start, 4, "\"maxSeatsPerBooking\":2,\"audiences\":[\"PUPIL\",\"TEACHER\",\"SENIOR\"]");
        String occurrence = "/api/v1/events/" + eventId + "/occurrences/" + start;

        refused(given().contentType("application/json").body(person("Anne", "SENIOR", 1, "\"inseeCode\":\"06018\""))
                .post("/api/v1/events/" + eventId + "/occurrences/" + start.plusSeconds(3600) + "/bookings"), 404, "no occurrence");
        refused(given().contentType("application/json").body(person("Anne", "SENIOR", 1, "\"inseeCode\":\"06018\""))
                .post("/api/v1/events/" + eventId + "/occurrences/yesterday/bookings"), 400, "originalStart");
        refused(given().contentType("application/json").body(person("Anne", "SENIOR", 1, "\"inseeCode\":\"06018\""))
                .post("/api/v1/events/" + UUID.randomUUID() + "/occurrences/" + start + "/bookings"), 404, "No event");
        refused(groupBook(occurrence, group("0060030A", "LYCEE", 0, 0)), 400, "headCount");
        refused(groupBook(occurrence, group("0060030A", "LYCEE", 5, 0)), 400, "headCount");
        refused(groupBook(occurrence, group("0060030B", "LYCEE", 2, 0)), 400, "uai");
        refused(groupBook(occurrence, group("006003A", "COLLEGE", 2, 0)), 400, "uai");
        refused(groupBook(occurrence, group("0060030A", "LYCEE", 2, 3)), 400, "girls");
        refused(book(occurrence, person("Anne", "SENIOR", 1, "\"inseeCode\":\"6018\"")), 400, "inseeCode");
        refused(book(occurrence, person("Anne", "SENIOR", 1, "\"postcode\":\"00123\"")), 400, "postcode");
        refused(book(occurrence, person("Anne", "SENIOR", 1, "\"other\":1")), 400, "inseeCode");
        refused(book(occurrence, person("Anne", "SENIOR", 3, "\"inseeCode\":\"06018\"")), 400, "seats");
        refused(book(occurrence, person("Anne", "JOB_SEEKER", 1, "\"inseeCode\":\"06018\"")), 400, "audience");
        refused(book(occurrence, person("Anne", "SENIOR", 1, "\"inseeCode\":\"06018\"").replace("\"accepted\":true",
                "\"accepted\":false")), 400, "consent");
        refused(book(occurrence, person("Anne", "SENIOR", 1, "\"inseeCode\":\"06018\"").replace("2026-12-01", "2020-01-01")),
                400, "consent.version");
        refused(book(occurrence, person("Anne", "SENIOR", 1, "\"inseeCode\":\"06018\"")
                .replace(",\"consent\":{\"version\":\"2026-12-01\",\"accepted\":true}", "")), 400, "consent");
        refused(book(occurrence, person("Anne", "SENIOR", 1, "\"inseeCode\":\"06018\"").replace("\"heard\":\"presse\"",
                "\"heard\":\"radio\"")), 400, "answers.heard");
        refused(book(occurrence, person("Anne", "SENIOR", 1, "\"inseeCode\":\"06018\"").replace("\"heard\":\"presse\"",
                "\"shoeSize\":\"42\"")), 400, "answers.shoeSize");
        refused(book(occurrence, person("Anne", "SENIOR", 1, "\"inseeCode\":\"06018\"").replace("Anne", "An\\u0000ne")),
                400, "name");
        refused(given().get("/api/v1/bookings/" + "A".repeat(43)), 404, "No booking");
        refused(given().get("/api/v1/bookings/not-a-token"), 404, "No booking");

        // Nothing was booked by any of these.
        given().get("/api/v1/events/" + eventId + "/registration").then().body("occurrences[0].seatsLeft", equalTo(4));
        given().auth().oauth2(partner(org)).get(occurrence + "/registrants").then().body("items.size()", equalTo(0));

        // Someone else's organization cannot change the registration; closed registration takes no booking.
        given().auth().oauth2(partner(UUID.randomUUID())).header("If-Match", "\"1\"").contentType("application/json")
                .body("{\"capacity\":100,\"groupsAllowed\":true,\"waitlist\":true}")
                .put("/api/v1/events/" + eventId + "/registration").then().statusCode(404);
        given().auth().oauth2(partner(org)).contentType("application/json")
                .body("{\"capacity\":4,\"groupsAllowed\":true,\"waitlist\":true,\"closed\":true}")
                .put("/api/v1/events/" + eventId + "/registration").then().statusCode(428);
        given().auth().oauth2(partner(org)).header("If-Match", "\"1\"").contentType("application/json")
                .body("{\"capacity\":4,\"groupsAllowed\":true,\"waitlist\":true,\"closed\":true}")
                .put("/api/v1/events/" + eventId + "/registration").then().statusCode(200).header("ETag", "\"2\"")
                .body("occurrences[0].state", equalTo("CLOSED"));
        refused(book(occurrence, person("Anne", "SENIOR", 1, "\"inseeCode\":\"06018\"")), 409, "closed");
    }

    @Test
    void aFullOccurrenceWithoutWaitlistRefusesAndTheCsvExportIsFormulaSafe() {
        UUID org = UUID.randomUUID();
        Instant start = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String eventId = RegistrationFlowTest.workshop(org, start, 1, "\"maxSeatsPerBooking\":1");
        given().auth().oauth2(partner(org)).header("If-Match", "\"1\"").contentType("application/json")
                .body("{\"capacity\":1,\"groupsAllowed\":false,\"waitlist\":false}")
                .put("/api/v1/events/" + eventId + "/registration").then().statusCode(200);
        String occurrence = "/api/v1/events/" + eventId + "/occurrences/" + start;
        // The registration now asks no question: no answers.
        book(occurrence, person("=HYPERLINK(\\\"http://evil\\\")", "SENIOR", 1, "\"inseeCode\":\"06018\"")
                .replace("\"answers\":{\"heard\":\"presse\"},", "")).then().statusCode(201);
        refused(book(occurrence, person("Second", "SENIOR", 1, "\"inseeCode\":\"06018\"")
                .replace("\"answers\":{\"heard\":\"presse\"},", "")), 409, "full");
        refused(groupBook(occurrence, group("0060030A", "LYCEE", 1, 0)), 400, "no group");
        String csv = given().auth().oauth2(partner(org)).get(occurrence + "/registrants.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals(2, csv.lines().count(), csv);
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().contains(",\"'=HYPERLINK("),
                csv);
        given().auth().oauth2(partner(UUID.randomUUID())).get(occurrence + "/registrants.csv").then().statusCode(404);
    }

    private static void refused(Response response, int status, String detail) {
        response.then().statusCode(status).contentType("application/problem+json").body(containsString(detail));
    }
}
