package fr.sudia.events.recurrence;

import static fr.sudia.events.Fixtures.EDITOR;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.events.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** An open-ended rule keeps two years of occurrences ahead as time passes, and its cancelled occurrence stays so. */
@QuarkusTest
class HorizonExtensionTest {

    @Inject
    HorizonExtension horizon;

    @Test
    void aYearLaterTheMonthlyRuleHasItsNextOccurrences() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String id = Fixtures.published("IA Dates", "2027-01-12T17:30:00Z", "2027-01-12T19:30:00Z",
                ",\"tags\":[\"" + tag + "\"],\"recurrence\":{\"rrule\":\"FREQ=MONTHLY;BYDAY=2TU\"}").path("id");
        given().auth().oauth2(EDITOR).header("If-Match", "\"1\"").contentType("application/json")
                .body("{\"cancelled\":true}").put("/api/v1/events/" + id + "/occurrences/2027-03-09T17:30:00Z")
                .then().statusCode(200);
        assertEquals(List.of(), starts(tag, "2029-01-01", "2029-03-01"), "beyond the two-year horizon");
        String etag = given().queryParam("tag", tag).get("/feeds/events.json").then().statusCode(200).extract().header("ETag");

        Instant aYearLater = Instant.now().plus(Duration.ofDays(365));
        assertTrue(horizon.extendAll(aYearLater) >= 1);

        assertEquals(List.of("2029-01-09T17:30:00Z", "2029-02-13T17:30:00Z"), starts(tag, "2029-01-01", "2029-03-01"));
        Response march2027 = occurrences(tag, "2027-03-01", "2027-04-01");
        assertEquals(List.of(true), march2027.path("items.cancelled"), "the cancelled occurrence stays cancelled");
        assertNotEquals(etag, given().queryParam("tag", tag).get("/feeds/events.json").then().statusCode(200)
                .extract().header("ETag"), "the feeds show a new version");
        assertEquals(0, horizon.extendAll(aYearLater), "nothing more to add at the same date");
    }

    private static List<String> starts(String tag, String from, String to) {
        return occurrences(tag, from, to).path("items.startsAt");
    }

    private static Response occurrences(String tag, String from, String to) {
        return given().queryParam("tag", tag).queryParam("from", from).queryParam("to", to).queryParam("limit", 100)
                .get("/api/v1/events").then().statusCode(200).extract().response();
    }
}
