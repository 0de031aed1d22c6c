package fr.sudia.events.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.sudia.events.event.Event;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** With sudia.seed.enabled, an empty database gets the real series and editions at start, once. */
@QuarkusTest
@TestProfile(SeedLoaderTest.SeedEnabled.class)
class SeedLoaderTest {

    public static class SeedEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sudia.seed.enabled", "true");
        }
    }

    @Inject
    SeedLoader loader;

    @Test
    void theSeriesListIsWalkedPageByPageInNameOrder() {
        List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/series").then().statusCode(200).extract().response();
            List<String> names = page.path("items.name");
            assertTrue(names.size() <= 2, "a page holds at most limit items: " + names);
            walked.addAll(names);
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 50);
        List<String> all = given().queryParam("limit", 100).get("/api/v1/series").then().statusCode(200)
                .extract().path("items.name");
        assertEquals(all, walked, "walking the pages gives every series once, in order");
        assertTrue(all.size() >= 5, "the seeded series: " + all);
        given().queryParam("limit", 101).get("/api/v1/series").then().statusCode(400);
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/series").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theRegionsRecurringEventsAreLoadedOnce() {
        given().get("/api/v1/series").then().statusCode(200).body("items.name", hasItems(
                "World Artificial Intelligence Cannes Festival (WAICF)", "IA Dates", "SophIA Summit",
                "Artificial Intelligence Marseille (AIM)", "World AI Film Festival (WAIFF)"));
        Response waicf = given().queryParam("from", "2026-02-01").queryParam("to", "2026-03-01").get("/api/v1/events")
                .then().statusCode(200).extract().response();
        List<String> titles = waicf.path("items.event.titleFr");
        assertEquals(List.of("WAICF 2026"), titles);
        assertEquals("2026-02-11T23:00:00Z", waicf.path("items[0].startsAt"));
        assertEquals(Boolean.TRUE, waicf.path("items[0].event.allDay"));
        String ics = given().queryParam("from", "2026-02-01").queryParam("to", "2026-03-01").get("/feeds/events.ics")
                .then().statusCode(200).extract().asString();
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20260212"), ics);
        assertTrue(ics.contains("DTEND;VALUE=DATE:20260214"), ics);

        // AIM 2024: Friday 15 November 2024, at the Stade Vélodrome in Marseille.
        Response aim = given().queryParam("from", "2024-11-01").queryParam("to", "2024-12-01").get("/api/v1/events")
                .then().statusCode(200).extract().response();
        assertEquals(List.of("AIM 2024"), aim.path("items.event.titleFr"));
        assertEquals("2024-11-14T23:00:00Z", aim.path("items[0].startsAt"));
        assertEquals("Stade Vélodrome", aim.path("items[0].event.venue.name"));
        assertEquals("Marseille", aim.path("items[0].event.venue.city"));
        String aimIcs = given().queryParam("from", "2024-11-01").queryParam("to", "2024-12-01").get("/feeds/events.ics")
                .then().statusCode(200).extract().asString();
        assertTrue(aimIcs.contains("DTSTART;VALUE=DATE:20241115"), aimIcs);
        assertTrue(aimIcs.contains("DTEND;VALUE=DATE:20241116"), aimIcs);

        long events = QuarkusTransaction.requiringNew().call(() -> Event.count());
        assertFalse(loader.load());
        assertEquals(events, (long) QuarkusTransaction.requiringNew().call(() -> Event.count()));
    }
}
