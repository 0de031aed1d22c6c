package fr.sudia.events.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.events.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The search's filters, facets and keyset pages, on the real database. */
@QuarkusTest
class EventSearchTest {

    @Test
    void filtersCombineAndFacetsCountTheWholeResult() {
        String tag = "s" + UUID.randomUUID().toString().substring(0, 8);
        String t = ",\"tags\":[\"" + tag + "\"]";
        Fixtures.published("Conférence Nice", "2027-11-02T17:00:00Z", "2027-11-02T19:00:00Z",
                t + ",\"audiences\":[\"GRAND_PUBLIC\",\"SCOLAIRES\"]");
        Fixtures.published("Webinaire", "2027-11-03T17:00:00Z", "2027-11-03T18:00:00Z",
                t + ",\"audiences\":[\"PROFESSIONNELS\"]").path("id");
        String online = Fixtures.create(Fixtures.EDITOR, """
                {"titleFr":"Webinaire en ligne","startsAt":"2027-11-04T17:00:00Z","endsAt":"2027-11-04T18:00:00Z",
                 "onlineUrl":"https://example.org/live","audiences":["PROFESSIONNELS"],"tags":["%s"]}""".formatted(tag))
                .path("id");
        Fixtures.create(Fixtures.EDITOR, """
                {"titleFr":"AIM","startsAt":"2027-11-05T08:00:00Z","endsAt":"2027-11-05T17:00:00Z",
                 "venue":{"name":"Orange Vélodrome","city":"Marseille","latitude":43.2698,"longitude":5.3959},
                 "audiences":["PROFESSIONNELS"],"tags":["%s"]}""".formatted(tag));

        Response all = given().queryParam("tag", tag).queryParam("from", "2027-11-01").get("/api/v1/events")
                .then().statusCode(200).extract().response();
        assertEquals(4, (Integer) all.path("facets.total"));
        assertEquals(3, (Integer) all.path("facets.audience.PROFESSIONNELS"));
        assertEquals(2, (Integer) all.path("facets.city.Biot"));
        assertEquals(1, (Integer) all.path("facets.attendanceMode.ONLINE"));

        given().queryParam("tag", tag).queryParam("from", "2027-11-01").queryParam("attendance", "online")
                .get("/api/v1/events").then().statusCode(200).body("items.size()", equalTo(1), "items[0].event.id", equalTo(online));
        given().queryParam("tag", tag).queryParam("from", "2027-11-01").queryParam("city", "marseille")
                .get("/api/v1/events").then().body("items.size()", equalTo(1), "items[0].event.titleFr", equalTo("AIM"));
        // Biot is about 160 km from Marseille: 30 km around the Vélodrome finds AIM only.
        given().queryParam("tag", tag).queryParam("from", "2027-11-01").queryParam("near", "43.2698,5.3959")
                .queryParam("radiusKm", "30").get("/api/v1/events").then().body("items.size()", equalTo(1));
        given().queryParam("tag", tag).queryParam("from", "2027-11-01").queryParam("audience", "SCOLAIRES")
                .get("/api/v1/events").then().body("items.size()", equalTo(1), "facets.total", equalTo(1));
        given().queryParam("tag", tag).queryParam("from", "2027-11-01").queryParam("q", "webinaire")
                .get("/api/v1/events").then().body("items.size()", equalTo(2));
        given().queryParam("tag", tag).queryParam("from", "2027-11-01").queryParam("to", "2027-11-03")
                .get("/api/v1/events").then().body("items.size()", equalTo(1));
    }

    @Test
    void cursorPagesGoThroughEveryOccurrenceOnce() {
        String tag = "p" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.published("Hebdomadaire", "2027-12-06T17:00:00Z", "2027-12-06T18:00:00Z",
                ",\"tags\":[\"" + tag + "\"],\"recurrence\":{\"rrule\":\"FREQ=WEEKLY;COUNT=7\"}");
        Fixtures.published("Unique", "2027-12-08T17:00:00Z", "2027-12-08T18:00:00Z", ",\"tags\":[\"" + tag + "\"]");
        List<String> starts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("tag", tag).queryParam("from", "2027-12-01").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/events").then().statusCode(200).extract().response();
            starts.addAll(page.path("items.startsAt"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(8, starts.size());
        assertEquals(8, starts.stream().distinct().count());
        assertEquals(starts.stream().sorted().toList(), starts);
    }
}
