package fr.sudia.funding.scheme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.path.json.JsonPath;

/** The catalogue's read side: French text search, filters, facets, keyset pages and the ICS feed. */
@QuarkusTest
class SchemeSearchTest {

    @Inject
    EntityManager em;

    private static final Random RANDOM = new Random();

    @Test
    void textSearchIgnoresAccentsAndStemsFrenchWords() {
        String word = randomWord();
        Map<String, Object> body = Schemes.body("Financements éthiques " + word);
        body.put("descriptionFr", "Soutien aux projets d'intelligence artificielle générative pour les TPE.");
        String id = Schemes.publish(body);
        Map<String, Object> other = Schemes.body("Autre dispositif " + word);
        other.put("descriptionFr", "Accompagnement à l'international.");
        String otherId = Schemes.publish(other);

        JsonPath found = search(Map.of("q", "financement ethique " + word));
        assertEquals(List.of(id), ids(found));
        assertEquals(List.of(id), ids(search(Map.of("q", "generatives " + word))));
        assertEquals(Set.of(id, otherId), Set.copyOf(ids(search(Map.of("q", word)))));
    }

    @Test
    void filtersCombineAndFacetsCountTheWholeResult() {
        String provider = "Fournisseur " + UUID.randomUUID();
        publish(provider, "REGION", "GRANT", List.of("FINANCIAL", "HR"));
        publish(provider, "REGION", "LOAN", List.of("FINANCIAL"));
        publish(provider, "STATE", "GRANT", List.of("LEGAL"));
        publish(provider, "EUROPE", "EQUITY", List.of("INTERNATIONAL", "FINANCIAL"));

        JsonPath all = search(Map.of("provider", provider));
        assertEquals(4, all.getInt("total"));
        assertEquals(2, all.getInt("facets.level.REGION"));
        assertEquals(3, all.getInt("facets.pillar.FINANCIAL"));
        assertEquals(4, all.getInt("facets.provider.'" + provider + "'"));

        JsonPath regionalGrants = given().queryParam("provider", provider).queryParam("level", "REGION")
                .queryParam("kind", "GRANT").get("/api/v1/schemes").then().statusCode(200).extract().jsonPath();
        assertEquals(1, regionalGrants.getInt("total"));
        JsonPath legalOrInternational = given().queryParam("provider", provider).queryParam("pillar", "LEGAL", "INTERNATIONAL")
                .get("/api/v1/schemes").then().statusCode(200).extract().jsonPath();
        assertEquals(2, legalOrInternational.getInt("total"));
        assertEquals(Set.of("STATE", "EUROPE"), Set.copyOf(legalOrInternational.getList("items.level")));
    }

    @Test
    void openNowAndClosingSoonFollowTheDates() {
        String provider = "Calendrier " + UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String ongoing = publishDated(provider, null, List.of(), true);
        String closingSoon = publishDated(provider, null, List.of(today.plusDays(5)), false);
        String closingLater = publishDated(provider, null, List.of(today.plusDays(60)), false);
        String notYetOpen = publishDated(provider, today.plusDays(3), List.of(today.plusDays(10)), false);
        String past = publishDated(provider, null, List.of(today.minusDays(1)), false);

        assertEquals(Set.of(ongoing, closingSoon, closingLater), Set.copyOf(ids(search(Map.of("provider", provider, "open", "true")))));
        assertEquals(Set.of(notYetOpen, past), Set.copyOf(ids(search(Map.of("provider", provider, "open", "false")))));
        assertEquals(List.of(closingSoon), ids(search(Map.of("provider", provider, "closingWithinDays", "30"))));
        JsonPath all = search(Map.of("provider", provider));
        assertEquals(3, all.getInt("facets.open.true"));
        assertEquals(2, all.getInt("facets.open.false"));
    }

    @Test
    void pagesFollowAKeysetWithoutRepeatsOrGaps() {
        String provider = "Pages " + UUID.randomUUID();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            published.add(publish(provider, "REGION", "GRANT", List.of("FINANCIAL")));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("provider", provider).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/schemes").then().statusCode(200).extract().jsonPath();
            seen.addAll(ids(page));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertEquals(Set.copyOf(published), Set.copyOf(seen));
    }

    @Test
    void closedSchemesLeaveTheSearchUnlessAsked() {
        String provider = "Fermeture " + UUID.randomUUID();
        String id = publish(provider, "REGION", "GRANT", List.of("FINANCIAL"));
        String etag = given().get("/api/v1/schemes/" + id).then().extract().header("ETag");
        given().auth().oauth2(fr.sudia.platform.testing.DevTokens.forRole(fr.sudia.platform.security.Roles.ADMIN))
                .header("If-Match", etag).post("/api/v1/schemes/" + id + "/close").then().statusCode(200);

        assertEquals(List.of(), ids(search(Map.of("provider", provider))));
        assertEquals(List.of(id), ids(search(Map.of("provider", provider, "includeClosed", "true"))));
    }

    @Test
    void searchesAnsweredFromMemoryFollowEveryChangeOfTheCatalogue() {
        String provider = "Mémoire " + UUID.randomUUID();
        String id = publish(provider, "REGION", "GRANT", List.of("FINANCIAL"));
        String name = search(Map.of("provider", provider)).getString("items[0].name");

        // A row changed behind the service's back, without the version: the answer in memory is served.
        String renamed = "Renommé " + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update scheme set name = ?1 where id = ?2")
                .setParameter(1, renamed).setParameter(2, UUID.fromString(id)).executeUpdate());
        assertEquals(name, search(Map.of("provider", provider)).getString("items[0].name"));

        // The same change as another instance commits it (version bumped, NOTIFY): seen here within moments.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                with bumped as (update scheme_catalogue_version set value = value + 1, changed_at = now()
                                returning value, changed_at)
                select pg_notify('scheme_catalogue_changed', value || '@' || (extract(epoch from changed_at) * 1000)::bigint)
                from bumped""").getSingleResult());
        long until = System.nanoTime() + 5_000_000_000L;
        while (!renamed.equals(search(Map.of("provider", provider)).getString("items[0].name")) && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertEquals(renamed, search(Map.of("provider", provider)).getString("items[0].name"));

        // A change through this instance's API is in the very next answer.
        String etag = given().get("/api/v1/schemes/" + id).then().extract().header("ETag");
        given().auth().oauth2(fr.sudia.platform.testing.DevTokens.forRole(fr.sudia.platform.security.Roles.ADMIN))
                .header("If-Match", etag).post("/api/v1/schemes/" + id + "/close").then().statusCode(200);
        assertEquals(0, search(Map.of("provider", provider)).getInt("total"));
    }

    @Test
    void aSearchIsRevalidatedByItsETagUntilTheCatalogueChanges() {
        String provider = "Revalidation " + UUID.randomUUID();
        String id = publish(provider, "REGION", "GRANT", List.of("FINANCIAL"));
        String tag = given().queryParam("provider", provider).get("/api/v1/schemes").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age=60")).extract().header("ETag");
        given().queryParam("provider", provider).header("If-None-Match", tag).get("/api/v1/schemes").then().statusCode(304);
        // Another query has another tag; the same query after a change of the catalogue too.
        given().queryParam("provider", provider).queryParam("limit", 5).header("If-None-Match", tag).get("/api/v1/schemes")
                .then().statusCode(200);
        String etag = given().get("/api/v1/schemes/" + id).then().extract().header("ETag");
        given().auth().oauth2(fr.sudia.platform.testing.DevTokens.forRole(fr.sudia.platform.security.Roles.ADMIN))
                .header("If-Match", etag).post("/api/v1/schemes/" + id + "/close").then().statusCode(200);
        given().queryParam("provider", provider).header("If-None-Match", tag).get("/api/v1/schemes").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void badParametersAreA400() {
        given().queryParam("level", "GALAXY").get("/api/v1/schemes").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("pillar", "MARKETING").get("/api/v1/schemes").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("limit", 0).get("/api/v1/schemes").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("cursor", "forged").get("/api/v1/schemes").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("closingWithinDays", -1).get("/api/v1/schemes").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theDeadlinesFeedIsAValidCalendarWithOneEventPerDeadline() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String name = "Appel IA " + randomWord();
        Map<String, Object> body = Schemes.body(name);
        body.put("ongoing", false);
        body.put("deadlines", List.of(today.plusDays(7).toString(), today.plusDays(30).toString()));
        body.put("applicationUrl", "https://www.maregionsud.fr/appel-ia");
        String id = Schemes.publish(body);

        String feed = given().get("/api/v1/schemes/deadlines.ics").then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .body(containsString("BEGIN:VCALENDAR"), containsString("VERSION:2.0"), not(containsString("null")))
                .extract().asString();
        String unfolded = feed.replace("\r\n ", "");
        assertTrue(unfolded.contains("UID:" + id + "-" + today.plusDays(7) + "@guichet.sud-ia"), unfolded);
        assertTrue(unfolded.contains("UID:" + id + "-" + today.plusDays(30) + "@guichet.sud-ia"), unfolded);
        assertTrue(unfolded.contains("DTSTART;VALUE=DATE:" + today.plusDays(7).toString().replace("-", "")), unfolded);
        assertTrue(unfolded.contains("SUMMARY:Date limite : " + name), unfolded);
        assertTrue(unfolded.contains("URL:https://www.maregionsud.fr/appel-ia"), unfolded);

        String legalOnly = given().queryParam("pillar", "LEGAL").get("/api/v1/schemes/deadlines.ics").then().statusCode(200)
                .extract().asString().replace("\r\n ", "");
        assertTrue(!legalOnly.contains("UID:" + id), "a FINANCIAL scheme is not in the LEGAL feed");
        given().queryParam("pillar", "MARKETING").get("/api/v1/schemes/deadlines.ics").then().statusCode(400)
                .contentType("application/problem+json");
    }

    static String randomWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    private static String publish(String provider, String level, String kind, List<String> pillars) {
        Map<String, Object> body = Schemes.body("Dispositif " + UUID.randomUUID());
        body.put("provider", provider);
        body.put("level", level);
        body.put("kind", kind);
        body.put("pillars", pillars);
        return Schemes.publish(body);
    }

    private static String publishDated(String provider, LocalDate opensOn, List<LocalDate> deadlines, boolean ongoing) {
        Map<String, Object> body = Schemes.body("Daté " + UUID.randomUUID());
        body.put("provider", provider);
        body.put("ongoing", ongoing);
        if (opensOn != null) {
            body.put("opensOn", opensOn.toString());
        }
        body.put("deadlines", deadlines.stream().map(LocalDate::toString).toList());
        return Schemes.publish(body);
    }

    private static JsonPath search(Map<String, String> parameters) {
        return given().queryParams(parameters).get("/api/v1/schemes").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("items.id");
    }
}
