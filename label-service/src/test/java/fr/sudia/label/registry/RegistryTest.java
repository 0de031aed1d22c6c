package fr.sudia.label.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.label.label.Label;
import fr.sudia.label.support.Fixtures;
import fr.sudia.label.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Verification, badge and search: what a visitor of a holder's website, or anyone, can check. */
@QuarkusTest
class RegistryTest {

    @Inject
    TestClock clock;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    LabelIndex index;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void verificationAndBadgeShowEveryStatusAndNeverLookValidOnceRevoked() {
        String valid = Fixtures.labelledOrganization("Badge valid", "Nice");
        String suspended = Fixtures.labelledOrganization("Badge suspended", "Nice");
        Fixtures.labelAction(suspended, "suspension", Map.of("reason", "Contrôle"));
        String withdrawn = Fixtures.labelledOrganization("Badge withdrawn", "Nice");
        Fixtures.labelAction(withdrawn, "withdrawal", Map.of("reason", "Retrait"));

        assertStatus(valid, "VALID", "valide", "#2e7d32");
        assertStatus(suspended, "SUSPENDED", "suspendu", "#e65100");
        assertStatus(withdrawn, "WITHDRAWN", "retiré", "#b71c1c");
        clock.advance(Duration.ofDays(365 * 2 + 1));
        assertStatus(valid, "EXPIRED", "expiré", "#616161");
    }

    @Test
    void anUnknownNumberIsANotFoundProblemForBoth() {
        for (String path : List.of("/verification", "/badge.svg")) {
            given().when().get("/api/v1/labels/SUD-IA-1999-9999" + path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("SUD-IA-1999-9999"));
        }
    }

    @Test
    void revalidationAnswers304UntilTheLabelChangesAndRunsNoDatabaseQuery() {
        String number = Fixtures.labelledOrganization("Revalidated", "Nice");
        Response first = given().when().get("/api/v1/labels/" + number + "/verification");
        String etag = first.header("ETag");
        assertEquals("public, no-cache", first.header("Cache-Control"));
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong ETag: " + etag);
        given().header("If-None-Match", etag).when().get("/api/v1/labels/" + number + "/verification")
                .then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", etag).when().get("/api/v1/labels/" + number + "/badge.svg")
                .then().statusCode(304);

        long before = sessionFactory.getStatistics().getPrepareStatementCount();
        long started = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            given().header("If-None-Match", etag).when().get("/api/v1/labels/" + number + "/verification")
                    .then().statusCode(304);
            given().when().get("/api/v1/labels/" + number + "/badge.svg").then().statusCode(200);
        }
        long statements = sessionFactory.getStatistics().getPrepareStatementCount() - before;
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        // 600 answers; the only statements meanwhile are the outbox relay's polls, a few per second.
        assertTrue(statements <= 3 * seconds, statements + " statements in " + seconds + " s for 600 answers");

        Fixtures.labelAction(number, "suspension", Map.of("reason", "Contrôle"));
        Response changed = given().header("If-None-Match", etag).when().get("/api/v1/labels/" + number + "/verification");
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, changed.header("ETag"));
        assertEquals("SUSPENDED", changed.jsonPath().getString("status"));
    }

    @Test
    void changesMadeByAnotherInstanceReachTheIndexOnRefresh() {
        String number = Fixtures.labelledOrganization("Elsewhere", "Nice");
        // Another instance withdrew it: the row changed, this instance's memory did not.
        QuarkusTransaction.requiringNew().run(() -> {
            Label label = Label.findById(number);
            label.status = fr.sudia.label.label.LabelStatus.WITHDRAWN;
            label.statusSince = OffsetDateTime.now(ZoneOffset.UTC);
            label.updatedAt = label.statusSince;
        });
        given().when().get("/api/v1/labels/" + number + "/verification").then().body("status", equalTo("VALID"));
        index.refresh();
        given().when().get("/api/v1/labels/" + number + "/verification").then().body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void searchFindsValidHoldersByNameCategoryAndCity() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String inGrasse = Fixtures.labelledOrganization("Parfums IA " + suffix, "Grasse");
        String inAix = Fixtures.labelledOrganization("Parfums Data " + suffix, "Aix-en-Provence");
        String withdrawn = Fixtures.labelledOrganization("Parfums Retirés " + suffix, "Grasse");
        Fixtures.labelAction(withdrawn, "withdrawal", Map.of("reason", "Retrait"));

        given().queryParam("q", "parfums").queryParam("q", "ignored").queryParam("q", suffix)
                .when().get("/api/v1/labels").then().statusCode(200);
        given().queryParam("q", "PARFUMS IA " + suffix).when().get("/api/v1/labels")
                .then().statusCode(200).body("items.labelNumber", equalTo(List.of(inGrasse)))
                .body("items[0].holder.city", equalTo("Grasse"));
        given().queryParam("q", suffix).queryParam("city", "grasse").when().get("/api/v1/labels")
                .then().body("items.labelNumber", equalTo(List.of(inGrasse)));
        given().queryParam("q", suffix).queryParam("category", "COMPANY_OR_PROJECT").queryParam("limit", 1)
                .when().get("/api/v1/labels")
                .then().body("items.labelNumber", equalTo(List.of(inAix))).body("nextCursor", not(equalTo(null)));
        given().queryParam("q", suffix).queryParam("category", "AI_AWARENESS_PLACE").when().get("/api/v1/labels")
                .then().body("items", equalTo(List.of()));
        given().queryParam("q", suffix).queryParam("status", "WITHDRAWN").when().get("/api/v1/labels")
                .then().body("items.labelNumber", hasItem(withdrawn));
        given().queryParam("category", "CASINO").when().get("/api/v1/labels")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void searchIgnoresAccentsFollowsHolderRenamesAndRunsNoDatabaseQuery() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String number = Fixtures.labelledOrganization("Numérica Côte " + suffix, "Sophia Antipolis");
        given().queryParam("q", "NUMERICA COTE " + suffix).queryParam("city", "sophia antipolis")
                .when().get("/api/v1/labels").then().statusCode(200).body("items.labelNumber", equalTo(List.of(number)));
        // Past its last valid day a label is not VALID any more, before the expiry job has run.
        clock.advance(Duration.ofDays(365 * 2 + 1));
        given().queryParam("q", suffix).when().get("/api/v1/labels").then().body("items", equalTo(List.of()));
        clock.reset();

        long before = sessionFactory.getStatistics().getPrepareStatementCount();
        long started = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            given().queryParam("q", suffix).when().get("/api/v1/labels").then().statusCode(200)
                    .body("items.labelNumber", equalTo(List.of(number)));
        }
        long statements = sessionFactory.getStatistics().getPrepareStatementCount() - before;
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        // The only statements meanwhile are the background jobs' polls, a few per second (up to 5 on a loaded
        // machine, where the 300 searches take longer); one query per search would be 300 at least.
        assertTrue(statements <= Math.min(5 * seconds, 150), statements + " statements in " + seconds + " s for 300 searches");

        // The directory renames the holder: the search finds it by its new name only.
        QuarkusTransaction.requiringNew().run(() -> {
            Label label = Label.findById(number);
            fr.sudia.label.directory.KnownOrganization holder = fr.sudia.label.directory.KnownOrganization.findById(label.organizationId);
            holder.name = "Terra " + suffix;
            holder.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            label.updatedAt = holder.updatedAt;
        });
        index.refresh();
        given().queryParam("q", "terra " + suffix).when().get("/api/v1/labels")
                .then().body("items.labelNumber", equalTo(List.of(number))).body("items[0].holder.name", equalTo("Terra " + suffix));
        given().queryParam("q", "numerica " + suffix).when().get("/api/v1/labels").then().body("items", equalTo(List.of()));
    }

    @Test
    void followingNextCursorWalksEveryMatchOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> numbers = List.of(Fixtures.labelledOrganization("Page A " + suffix, "Nice"),
                Fixtures.labelledOrganization("Page B " + suffix, "Nice"),
                Fixtures.labelledOrganization("Page C " + suffix, "Nice"));
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", suffix).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/labels").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.labelNumber", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(numbers, seen);
    }

    private static void assertStatus(String number, String status, String word, String colour) {
        given().when().get("/api/v1/labels/" + number + "/verification")
                .then().statusCode(200).body("status", equalTo(status)).body("labelNumber", equalTo(number));
        String svg = given().when().get("/api/v1/labels/" + number + "/badge.svg")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertTrue(svg.contains(">" + word + "<") && svg.contains(colour), svg);
        if (!status.equals("VALID")) {
            assertTrue(!svg.contains("valide") && !svg.contains("#2e7d32"), "a " + status + " badge never looks valid: " + svg);
        }
    }
}
