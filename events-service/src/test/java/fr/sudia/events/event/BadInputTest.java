package fr.sudia.events.event;

import static fr.sudia.events.Fixtures.EDITOR;
import static fr.sudia.events.Fixtures.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input is a 400 problem naming what is wrong, and nothing is stored. */
@QuarkusTest
class BadInputTest {

    @Test
    void badEventsAreRefusedAndNothingIsStored() {
        long before = events();
        Map<String, String> cases = Map.of(
                "endAfterStart", event("Fin avant début", "2027-05-11T18:00:00Z", "2027-05-11T16:00:00Z", ""),
                "knownTimeZone", event("Zone inconnue", "2027-05-11T16:00:00Z", "2027-05-11T18:00:00Z", "")
                        .replace("Europe/Paris", "Europe/Sophia"),
                "recurrence.validRule", event("Règle invalide", "2027-05-11T16:00:00Z", "2027-05-11T18:00:00Z",
                        ",\"recurrence\":{\"rrule\":\"FREQ=SOMETIMES;BYDAY=XX\"}"),
                "titleFr", event("x".repeat(201), "2027-05-11T16:00:00Z", "2027-05-11T18:00:00Z", ""),
                "descriptionFr", event("Trop long", "2027-05-11T16:00:00Z", "2027-05-11T18:00:00Z",
                        ",\"descriptionFr\":\"" + "d".repeat(5001) + "\""));
        cases.forEach((field, body) -> given().auth().oauth2(EDITOR).contentType("application/json").body(body)
                .post("/api/v1/events").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString(field))));
        given().auth().oauth2(EDITOR).contentType("application/json")
                .body(event("Public inconnu", "2027-05-11T16:00:00Z", "2027-05-11T18:00:00Z", "")
                        .replace("GRAND_PUBLIC", "EXTRATERRESTRES"))
                .post("/api/v1/events").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("audiences"));
        given().auth().oauth2(EDITOR).contentType("application/json")
                .body(event("Une seconde", "2027-05-11T16:00:00Z", "2027-05-11T18:00:00Z", ",\"recurrence\":{\"rrule\":\"FREQ=SECONDLY\"}"))
                .post("/api/v1/events").then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, events());
    }

    @Test
    void badFiltersAndCursorsAre400s() {
        Map<String, String> cases = Map.of("cursor", "not-a-cursor", "audience", "EXTRATERRESTRES", "when", "demain",
                "from", "hier", "attendance", "teleportation", "near", "91,7", "status", "MAYBE", "organizer", "nope");
        cases.forEach((parameter, value) -> {
            given().queryParam(parameter, value).get("/api/v1/events").then().statusCode(400)
                    .contentType("application/problem+json");
            if (!parameter.equals("cursor")) {
                given().queryParam(parameter, value).get("/feeds/events.ics").then().statusCode(400)
                        .contentType("application/problem+json");
            }
        });
        given().queryParam("q", "q".repeat(201)).get("/api/v1/events").then().statusCode(400);
        given().queryParam("from", "2027-02-01").queryParam("to", "2027-01-01").get("/api/v1/events").then().statusCode(400);
        given().queryParam("updatedSince", "yesterday").get("/api/v1/events/changes").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static long events() {
        return QuarkusTransaction.requiringNew().call(() -> Event.count());
    }
}
