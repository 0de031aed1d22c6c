package fr.sudia.events.event;

import static fr.sudia.events.Fixtures.EDITOR;
import static fr.sudia.events.Fixtures.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.events.Fixtures;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Lists have a bound, said in the API; a token's organization claim must be an organization id. */
@QuarkusTest
class BoundsAndClaimsTest {

    @Test
    void anEventHoldsAtMostItsBoundOfSessionsAndListsThemAll() {
        Response created = Fixtures.published("Congrès", "2027-10-12T07:00:00Z", "2027-10-13T17:00:00Z", "");
        String id = created.path("id");
        String etag = created.header("ETag");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < EventSession.MAX_PER_EVENT - 1; i++) {
                EventSession session = new EventSession();
                session.id = UUID.randomUUID();
                session.eventId = UUID.fromString(id);
                session.kind = "TALK";
                session.title = "Session " + i;
                session.startsAt = Instant.parse("2027-10-12T08:00:00Z").plusSeconds(60L * i);
                session.endsAt = session.startsAt.plusSeconds(1800);
                session.speakers = new ArrayList<>();
                session.persist();
            }
        });
        String session = """
                {"kind":"KEYNOTE","title":"Clôture","startsAt":"2027-10-13T16:00:00Z","endsAt":"2027-10-13T17:00:00Z"}""";
        given().auth().oauth2(EDITOR).header("If-Match", etag).contentType("application/json").body(session)
                .post("/api/v1/events/" + id + "/sessions").then().statusCode(201);
        given().auth().oauth2(EDITOR).header("If-Match", etag).contentType("application/json").body(session)
                .post("/api/v1/events/" + id + "/sessions").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("at most " + EventSession.MAX_PER_EVENT + " sessions"));
        List<String> titles = given().get("/api/v1/events/" + id + "/sessions").then().statusCode(200).extract()
                .path("title");
        assertEquals(EventSession.MAX_PER_EVENT, titles.size());
        assertEquals("Clôture", titles.get(titles.size() - 1));

        // Speakers of one session are bounded too.
        String crowded = session.replace("}", ",\"speakers\":[" + "\"Intervenant\",".repeat(20) + "\"Un de trop\"]}");
        given().auth().oauth2(EDITOR).header("If-Match", etag).contentType("application/json").body(crowded)
                .post("/api/v1/events/" + id + "/sessions").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("speakers"));
    }

    @Test
    void anOrganizationClaimThatIsNotAnIdIs401AndNothingIsStored() {
        long before = QuarkusTransaction.requiringNew().call(() -> Event.count());
        for (String claim : List.of("not-a-uuid", "", "00000000-0000-0000-0000-00000000000g")) {
            given().auth().oauth2(DevTokens.forOrganization(Roles.PARTNER, claim)).contentType("application/json")
                    .body(event("Soumis", "2027-10-12T16:00:00Z", "2027-10-12T18:00:00Z", ""))
                    .post("/api/v1/events").then().statusCode(401).contentType("application/problem+json");
        }
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Event.count()));
        // A well-formed claim still works.
        Fixtures.create(Fixtures.partner(UUID.randomUUID()),
                event("Soumis", "2027-10-12T16:00:00Z", "2027-10-12T18:00:00Z", ""));
    }
}
