package fr.sudia.events.feed;

import static fr.sudia.events.Fixtures.EDITOR;
import static fr.sudia.events.Fixtures.event;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import fr.sudia.events.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.validate.ValidationResult;

/** The iCalendar feed, parsed and validated by ical4j as a calendar app would read it. */
@QuarkusTest
class IcsFeedTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aWeeklyTalkStaysAt19hLocalTimeAcrossTheMarchChange() throws Exception {
        String tag = tag();
        // Tuesdays 19:00 in Paris; summer time starts on Sunday 28 March 2027.
        String id = Fixtures.published("IA Dates hebdo", "2027-03-16T18:00:00Z", "2027-03-16T20:00:00Z",
                tags(tag) + ",\"recurrence\":{\"rrule\":\"FREQ=WEEKLY;COUNT=4\"}").path("id");

        List<String> starts = given().queryParam("tag", tag).queryParam("from", "2027-03-01").queryParam("to", "2027-05-01")
                .get("/api/v1/events").then().statusCode(200).extract().path("items.startsAt");
        assertEquals(List.of("2027-03-16T18:00:00Z", "2027-03-23T18:00:00Z", "2027-03-30T17:00:00Z", "2027-04-06T17:00:00Z"),
                starts);

        Calendar calendar = validFeed(tag, "2027-03-01", "2027-05-01");
        VTimeZone paris = calendar.<VTimeZone>getComponents("VTIMEZONE").get(0);
        assertEquals("Europe/Paris", paris.getProperty("TZID").orElseThrow().getValue());
        assertTrue(paris.toString().contains("BEGIN:DAYLIGHT") && paris.toString().contains("BEGIN:STANDARD"));
        VEvent master = only(calendar, id);
        assertEquals("FREQ=WEEKLY;COUNT=4", master.getProperty(Property.RRULE).orElseThrow().getValue());
        assertTrue(master.getProperty(Property.DTSTART).orElseThrow().toString()
                .contains("DTSTART;TZID=Europe/Paris:20270316T190000"), master.toString());
        List<Instant> expanded = master.<ZonedDateTime>calculateRecurrenceSet(new Period<>(
                ZonedDateTime.of(2027, 3, 1, 0, 0, 0, 0, PARIS), ZonedDateTime.of(2027, 5, 1, 0, 0, 0, 0, PARIS)))
                .stream().map(p -> p.getStart().toInstant()).toList();
        assertEquals(List.of(Instant.parse("2027-03-16T18:00:00Z"), Instant.parse("2027-03-23T18:00:00Z"),
                Instant.parse("2027-03-30T17:00:00Z"), Instant.parse("2027-04-06T17:00:00Z")), expanded);
    }

    @Test
    void aTwoDayEventOverTheOctoberChangeKeepsItsLocalTimes() throws Exception {
        String tag = tag();
        // Winter time returns on Sunday 31 October 2027: 09:00 on the 30th is 07:00Z, 18:00 on the 31st is 17:00Z.
        String id = Fixtures.published("Salon de deux jours", "2027-10-30T07:00:00Z", "2027-10-31T17:00:00Z", tags(tag))
                .path("id");

        VEvent vevent = only(validFeed(tag, "2027-10-01", "2027-11-30"), id);
        assertTrue(vevent.toString().contains("DTSTART;TZID=Europe/Paris:20271030T090000"), vevent.toString());
        assertTrue(vevent.toString().contains("DTEND;TZID=Europe/Paris:20271031T180000"), vevent.toString());
        assertTrue(vevent.toString().contains("GEO:43.6163;7.0686"), vevent.toString());
        assertTrue(vevent.toString().contains("LOCATION:Maison de l'Intelligence Artificielle\\, Biot"), vevent.toString());
        assertTrue(vevent.toString().contains("CATEGORIES:"), vevent.toString());
        assertTrue(vevent.getProperty(Property.URL).isPresent());
        assertTrue(vevent.getProperty(Property.LAST_MODIFIED).isPresent());
        assertTrue(vevent.getProperty(Property.DTSTAMP).isPresent());
    }

    @Test
    void aMonthlySecondTuesdayWithOneCancelledOccurrence() throws Exception {
        String tag = tag();
        String id = Fixtures.published("IA Dates", "2027-01-12T17:30:00Z", "2027-01-12T19:30:00Z",
                tags(tag) + ",\"recurrence\":{\"rrule\":\"FREQ=MONTHLY;BYDAY=2TU\"}").path("id");
        given().auth().oauth2(EDITOR).header("If-Match", "\"1\"").contentType("application/json")
                .body("{\"cancelled\":true}").put("/api/v1/events/" + id + "/occurrences/2027-03-09T17:30:00Z")
                .then().statusCode(200);

        Response march = given().queryParam("tag", tag).queryParam("from", "2027-01-01").queryParam("to", "2027-05-01")
                .get("/api/v1/events").then().statusCode(200).extract().response();
        assertEquals(List.of("2027-01-12T17:30:00Z", "2027-02-09T17:30:00Z", "2027-03-09T17:30:00Z",
                "2027-04-13T16:30:00Z"), march.path("items.startsAt"));
        assertEquals(List.of(false, false, true, false), march.path("items.cancelled"));

        Calendar calendar = validFeed(tag, "2027-01-01", "2027-05-01");
        List<VEvent> vevents = vevents(calendar, id);
        assertEquals(2, vevents.size());
        VEvent cancelled = vevents.stream().filter(v -> v.getProperty(Property.RECURRENCE_ID).isPresent()).findFirst()
                .orElseThrow();
        assertTrue(cancelled.toString().contains("RECURRENCE-ID;TZID=Europe/Paris:20270309T183000"), cancelled.toString());
        assertEquals("CANCELLED", cancelled.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("FREQ=MONTHLY;BYDAY=2TU", vevents.get(0).getProperty(Property.RRULE).orElseThrow().getValue());
    }

    @Test
    void anEditKeepsTheUidAndRaisesTheSequenceAndACancelledEventStaysAsCancelled() throws Exception {
        String tag = tag();
        String body = event("Conférence qui bouge", "2027-09-14T16:00:00Z", "2027-09-14T18:00:00Z", tags(tag));
        String id = Fixtures.create(EDITOR, body).path("id");
        VEvent before = only(validFeed(tag, "2027-09-01", "2027-10-01"), id);

        given().auth().oauth2(EDITOR).header("If-Match", "\"1\"").contentType("application/json")
                .body(body.replace("Maison de l'Intelligence Artificielle", "Campus SophiaTech")).put("/api/v1/events/" + id)
                .then().statusCode(200);
        VEvent moved = only(validFeed(tag, "2027-09-01", "2027-10-01"), id);
        given().auth().oauth2(EDITOR).header("If-Match", "\"2\"").contentType("application/json")
                .body(body.replace("Maison de l'Intelligence Artificielle", "Campus SophiaTech")
                        .replace("\"tags\"", "\"status\":\"CANCELLED\",\"tags\""))
                .put("/api/v1/events/" + id).then().statusCode(200);
        VEvent cancelled = only(validFeed(tag, "2027-09-01", "2027-10-01"), id);

        assertEquals(before.getProperty(Property.UID).orElseThrow().getValue(), moved.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals(id + "@events.sud-ia.fr", cancelled.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals(List.of(0, 1, 2), List.of(sequence(before), sequence(moved), sequence(cancelled)));
        assertEquals("CONFIRMED", moved.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("CANCELLED", cancelled.getProperty(Property.STATUS).orElseThrow().getValue());
    }

    @Test
    void revalidationIs304WithoutDatabaseQueryAndTheEtagChangesWithTheContent() {
        String tag = tag();
        Fixtures.published("Avant", "2027-08-10T16:00:00Z", "2027-08-10T18:00:00Z", tags(tag));
        Response first = feed(tag).then().statusCode(200).header("Cache-Control", "public, max-age=120").extract().response();
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"), etag);

        long statements = sessionFactory.getStatistics().getPrepareStatementCount();
        for (int i = 0; i < 50; i++) {
            given().header("If-None-Match", etag).queryParam("tag", tag).queryParam("from", "2027-08-01")
                    .get("/feeds/events.ics").then().statusCode(304);
        }
        given().header("If-Modified-Since", lastModified).queryParam("tag", tag).queryParam("from", "2027-08-01")
                .get("/feeds/events.ics").then().statusCode(304);
        // Background work (outbox relay) may run a few statements meanwhile; 51 revalidations must not add one each.
        assertTrue(sessionFactory.getStatistics().getPrepareStatementCount() - statements < 10);
        Response again = feed(tag).then().statusCode(200).extract().response();
        assertEquals(etag, again.header("ETag"));
        assertEquals(first.asString(), again.asString());

        Fixtures.published("Après", "2027-08-11T16:00:00Z", "2027-08-11T18:00:00Z", tags(tag));
        Response changed = given().header("If-None-Match", etag).queryParam("tag", tag).queryParam("from", "2027-08-01")
                .get("/feeds/events.ics").then().statusCode(200).extract().response();
        assertNotEquals(etag, changed.header("ETag"));
        assertTrue(changed.asString().contains("SUMMARY:Après"));
        assertFalse(first.asString().contains("SUMMARY:Après"));
    }

    /**
     * A URI answered before is revalidated ahead of the REST layer; the same query written another way goes through
     * it: both 304s carry the same validators, and a stale ETag is never confirmed.
     */
    @Test
    void aRepeatedRevalidationCarriesTheSameValidatorsAsTheFirst() {
        String tag = tag();
        Fixtures.published("Revalidé", "2027-09-14T16:00:00Z", "2027-09-14T18:00:00Z", tags(tag));
        String etag = given().queryParam("tag", tag).queryParam("from", "2027-09-01").get("/feeds/events.json")
                .then().statusCode(200).extract().header("ETag");

        Response known = given().header("If-None-Match", "\"other\", " + etag).queryParam("tag", tag)
                .queryParam("from", "2027-09-01").get("/feeds/events.json").then().statusCode(304).extract().response();
        Response rewritten = given().header("If-None-Match", etag).queryParam("from", "2027-09-01").queryParam("tag", tag)
                .get("/feeds/events.json").then().statusCode(304).extract().response();
        for (String header : List.of("ETag", "Last-Modified", "Cache-Control", "Access-Control-Allow-Origin")) {
            assertEquals(rewritten.header(header), known.header(header), header);
        }
        assertEquals("", known.asString());
        given().header("If-None-Match", "\"other\"").queryParam("tag", tag).queryParam("from", "2027-09-01")
                .get("/feeds/events.json").then().statusCode(200);

        Fixtures.published("Ensuite", "2027-09-15T16:00:00Z", "2027-09-15T18:00:00Z", tags(tag));
        given().header("If-None-Match", etag).queryParam("tag", tag).queryParam("from", "2027-09-01")
                .get("/feeds/events.json").then().statusCode(200);
    }

    @Test
    void calendarClientsGetTheFeedWithTheirAcceptHeader() {
        for (String accept : List.of("text/calendar", "*/*")) {
            given().accept(accept).get("/feeds/events.ics").then().statusCode(200)
                    .contentType("text/calendar").header("Access-Control-Allow-Origin", "*");
        }
    }

    static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String tags(String tag) {
        return ",\"tags\":[\"" + tag + "\"]";
    }

    private static Response feed(String tag) {
        return given().queryParam("tag", tag).queryParam("from", "2027-08-01").get("/feeds/events.ics");
    }

    private static Calendar validFeed(String tag, String from, String to) throws Exception {
        String ics = given().queryParam("tag", tag).queryParam("from", from).queryParam("to", to)
                .get("/feeds/events.ics").then().statusCode(200).contentType("text/calendar").extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        ValidationResult result = calendar.validate();
        assertFalse(result.hasErrors(), result + "\n" + ics);
        return calendar;
    }

    private static List<VEvent> vevents(Calendar calendar, String id) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(v -> v.getProperty(Property.UID).orElseThrow().getValue().equals(id + "@events.sud-ia.fr"))
                .toList();
    }

    private static VEvent only(Calendar calendar, String id) {
        List<VEvent> vevents = vevents(calendar, id);
        assertEquals(1, vevents.size(), calendar.toString());
        return vevents.get(0);
    }

    private static int sequence(VEvent vevent) {
        return Integer.parseInt(vevent.getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }
}
