package fr.sudia.directory.search;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import fr.sudia.directory.organization.LabelStatus;
import fr.sudia.directory.organization.ModerationStatus;
import fr.sudia.directory.organization.Organization;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class OrganizationSearchTest {

    private static final String ORGANIZATIONS = "/api/v1/organizations";

    private static final double[] NICE = { 43.7009, 7.2683 };
    private static final double[] SOPHIA = { 43.6163, 7.0552 };
    private static final double[] MARSEILLE = { 43.2965, 5.3698 };
    private static final double[] AVIGNON = { 43.9493, 4.8055 };

    @Test
    void accentsAndTyposFindTheOrganization() {
        String city = uniqueCity();
        String id = create("Thérapixel", city, o -> o.put("descriptionFr",
                "Imagerie médicale : détection du cancer du sein par intelligence artificielle"));

        for (String q : List.of("therapixel", "Thérapixel", "THERAPIXEL", "terapixel", "therapixl", "thérapixèl")) {
            search(Map.of("q", List.of(q), "limit", List.of("100")))
                    .then().statusCode(200).body("items.id", hasItem(id));
        }
        // Words of the description and the city, stemmed and unaccented, in any case.
        for (String q : List.of("imagerie medicale", "IMAGERIE MÉDICALE", "DÉTECTIONS sein", city.toUpperCase())) {
            search(Map.of("q", List.of(q), "city", List.of(city)))
                    .then().statusCode(200).body("items.id", hasItem(id));
        }
        search(Map.of("q", List.of("viticulture"), "city", List.of(city)))
                .then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void theBestMatchComesFirst() {
        String token = token();
        String inDescription = create("Autre " + token(), uniqueCity(), o -> o.put("descriptionFr", "Partenaire de " + token));
        String inName = create(cap(token) + " Labs", uniqueCity(), o -> { });

        List<String> ids = search(Map.of("q", List.of(token))).then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(inName, inDescription), ids);
    }

    /** Found through a typo only, a name made of that word alone comes before longer names that contain it. */
    @Test
    void withATypoTheNameThatIsJustTheWordComesFirst() {
        String city = uniqueCity();
        String word = token();
        List<String> longer = new ArrayList<>();
        for (String rest : List.of(" Industries", " Smoke 884127580", " Méditerranée Conseil")) {
            longer.add(create(cap(word) + rest, city, o -> { }));
        }
        String exact = create(cap(word), city, o -> { });
        String typo = word.substring(0, 4) + (word.charAt(4) == 'x' ? 'y' : 'x') + word.substring(5);

        List<String> ids = search(Map.of("q", List.of(typo), "city", List.of(city))).then().statusCode(200)
                .extract().path("items.id");
        assertEquals(4, ids.size());
        assertEquals(exact, ids.get(0));
    }

    @Test
    void filtersAreOrWithinOneParameterAndAndAcrossParameters() {
        String city = uniqueCity();
        String a = create("Alpha", city, o -> {
            o.put("kind", "STARTUP");
            o.put("sectors", List.of("HEALTH", "INDUSTRY"));
            o.put("strategicSectors", List.of("HEALTH_THERAPIES"));
            o.put("techniques", List.of("COMPUTER_VISION"));
            o.put("department", "06");
            o.put("headcountBand", "FROM_10_TO_49");
            o.put("foundedYear", 2013);
        });
        String b = create("Bravo", city, o -> {
            o.put("kind", "RESEARCH_LAB");
            o.put("sectors", List.of("HEALTH"));
            o.put("techniques", List.of("NATURAL_LANGUAGE_PROCESSING", "GENERATIVE_AI"));
            o.put("department", "13");
            o.put("headcountBand", "FROM_50_TO_249");
            o.put("foundedYear", 2019);
        });
        String c = create("Charlie", city, o -> {
            o.put("kind", "SME_ETI");
            o.put("sectors", List.of("TOURISM"));
            o.put("strategicSectors", List.of("TOURISM_CREATIVE_INDUSTRIES"));
            o.put("department", "84");
            o.put("foundedYear", 2020);
        });
        label(c, LabelStatus.VALID);
        label(b, LabelStatus.EXPIRED);

        assertEquals(Set.of(a, b, c), found(Map.of("city", List.of(city))));
        assertEquals(Set.of(a, b, c), found(Map.of("city", List.of(city.toUpperCase()))), "city ignores case");
        assertEquals(Set.of(a, b), found(Map.of("city", List.of(city), "kind", List.of("STARTUP", "RESEARCH_LAB"))));
        assertEquals(Set.of(a, b, c), found(Map.of("city", List.of(city), "sector", List.of("HEALTH", "TOURISM"))));
        assertEquals(Set.of(b), found(Map.of("city", List.of(city), "sector", List.of("HEALTH"), "kind", List.of("RESEARCH_LAB", "SME_ETI"))));
        assertEquals(Set.of(a, c), found(Map.of("city", List.of(city), "strategicSector", List.of("HEALTH_THERAPIES", "TOURISM_CREATIVE_INDUSTRIES"))));
        assertEquals(Set.of(b), found(Map.of("city", List.of(city), "technique", List.of("GENERATIVE_AI"))));
        assertEquals(Set.of(a, c), found(Map.of("city", List.of(city), "department", List.of("06", "84"))));
        assertEquals(Set.of(a), found(Map.of("city", List.of(city), "headcountBand", List.of("FROM_10_TO_49"))));
        assertEquals(Set.of(c), found(Map.of("city", List.of(city), "labelled", List.of("true"))));
        assertEquals(Set.of(a, b), found(Map.of("city", List.of(city), "labelled", List.of("false"))));
        assertEquals(Set.of(b, c), found(Map.of("city", List.of(city), "foundedAfter", List.of("2013"))));
        assertEquals(Set.of(c), found(Map.of("city", List.of(city), "foundedAfter", List.of("2019"), "sector", List.of("TOURISM"))));
        // Alone, the founding year is found through its own index rather than checked on what other filters find.
        List<String> foundedAfter2019 = pageThrough(Map.of("foundedAfter", List.of("2019")), 100, null);
        assertTrue(foundedAfter2019.contains(c));
        assertFalse(foundedAfter2019.contains(a) || foundedAfter2019.contains(b));
        assertEquals(Set.of(), found(Map.of("city", List.of(city), "kind", List.of("INVESTOR"))));
    }

    @Test
    void onlyPublishedLiveOrganizationsAreFound() {
        String city = uniqueCity();
        String shown = create("Visible", city, o -> { });
        String pending = create("En attente", city, o -> { });
        String removed = create("Supprimée", city, o -> { });
        QuarkusTransaction.requiringNew().run(() -> {
            Organization.<Organization>findById(UUID.fromString(pending)).moderationStatus = ModerationStatus.PENDING;
            Organization.<Organization>findById(UUID.fromString(removed)).deletedAt = OffsetDateTime.now();
        });

        assertEquals(Set.of(shown), found(Map.of("city", List.of(city))));
        search(Map.of("city", List.of(city))).then().body("facets.total", equalTo(1));
    }

    /**
     * Another instance of the service changes the table behind this one's back (simulated by SQL that no entity
     * listener sees): this instance's index catches up within seconds, including a removal.
     */
    @Test
    void theIndexFollowsChangesMadeByOtherInstances() {
        String city = uniqueCity();
        String renamed = create("Ancien Nom", city, o -> { });
        String removed = create("Bientôt Partie", city, o -> { });
        String newName = "Nouveau " + cap(token());
        QuarkusTransaction.requiringNew().run(() -> {
            Organization.getEntityManager().createNativeQuery("update organization set name = :name where id = :id")
                    .setParameter("name", newName).setParameter("id", UUID.fromString(renamed)).executeUpdate();
            Organization.getEntityManager().createNativeQuery("update organization set deleted_at = now() where id = :id")
                    .setParameter("id", UUID.fromString(removed)).executeUpdate();
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(Set.of(renamed), found(Map.of("city", List.of(city))));
            search(Map.of("q", List.of(newName))).then().body("items.id", hasItem(renamed), "items[0].name", equalTo(newName));
        });
    }

    /**
     * A transaction left open anywhere on the database server holds back the oldest running transaction id, so
     * the rows changed since come again at every catch-up: they are not indexed again while they do not change.
     */
    @Test
    void aLongTransactionElsewhereDoesNotMakeTheIndexWorkAgain() throws Exception {
        try (java.sql.Connection other = java.sql.DriverManager.getConnection(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                "sudia", "sudia")) {
            other.setAutoCommit(false);
            try (var statement = other.createStatement()) {
                statement.execute("select pg_current_xact_id()"); // an open transaction with an id
            }
            String city = uniqueCity();
            String id = create("Pendant la longue transaction", city, o -> { });
            assertEquals(Set.of(id), found(Map.of("city", List.of(city))));
            double before = indexedCount();
            Thread.sleep(3_000); // three catch-ups, each seeing that row again
            assertEquals(before, indexedCount(), "nothing indexed again while nothing changed");
            other.rollback();
        }
    }

    private static double indexedCount() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("sudia_directory_search_indexed_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Counts are kept for a repeated search only while the index does not change: a new row shows at once. */
    @Test
    void aRepeatedSearchCountsTheOrganizationsAddedSince() {
        String city = uniqueCity();
        create("Compté Une", city, o -> o.put("kind", "STARTUP"));
        Map<String, List<String>> byCity = Map.of("city", List.of(city));
        search(byCity).then().body("facets.total", equalTo(1), "facets.kind.STARTUP", equalTo(1));
        search(byCity).then().body("facets.total", equalTo(1), "facets.kind.STARTUP", equalTo(1));

        create("Compté Deux", city, o -> o.put("kind", "INVESTOR"));

        search(byCity).then().body("facets.total", equalTo(2), "facets.kind.STARTUP", equalTo(1),
                "facets.kind.INVESTOR", equalTo(1), "items", hasSize(2));
    }

    @Test
    void facetCountsAddUpOverTheWholeResultNotJustThePage() {
        String city = uniqueCity();
        String[] kinds = { "STARTUP", "STARTUP", "SME_ETI", "RESEARCH_LAB", "STARTUP", "INVESTOR", "SME_ETI" };
        String[][] sectors = { { "HEALTH" }, { "HEALTH", "ENERGY" }, {}, { "ENERGY", "MARITIME" }, { "HEALTH" }, {}, { "TOURISM" } };
        String[] departments = { "06", "06", "13", null, "83", "06", "13" };
        for (int i = 0; i < kinds.length; i++) {
            int n = i;
            String id = create("Facette " + n, city, o -> {
                o.put("kind", kinds[n]);
                o.put("sectors", List.of(sectors[n]));
                o.put("techniques", List.of(n % 2 == 0 ? "MACHINE_LEARNING" : "ROBOTICS"));
                if (departments[n] != null) {
                    o.put("department", departments[n]);
                }
                if (n < 4) {
                    o.put("headcountBand", "FROM_1_TO_9");
                }
            });
            if (n % 3 == 0) {
                label(id, LabelStatus.VALID);
            }
        }

        Response all = search(Map.of("city", List.of(city), "limit", List.of("2")));
        all.then().statusCode(200).body("items.size()", equalTo(2));
        Map<String, Object> facets = all.path("facets");
        assertEquals(7, facets.get("total"));
        assertEquals(Map.of("STARTUP", 3, "SME_ETI", 2, "RESEARCH_LAB", 1, "INVESTOR", 1), facets.get("kind"));
        assertEquals(7, sum(facets.get("kind")), "every organization has one kind");
        assertEquals(Map.of("true", 3, "false", 4), facets.get("labelled"));
        assertEquals(7, sum(facets.get("labelled")), "labelled or not");
        assertEquals(Map.of("HEALTH", 3, "ENERGY", 2, "MARITIME", 1, "TOURISM", 1), facets.get("sector"));
        assertEquals(Map.of("MACHINE_LEARNING", 4, "ROBOTICS", 3), facets.get("technique"));
        assertEquals(Map.of("06", 3, "13", 2, "83", 1), facets.get("department"));
        assertEquals(6, sum(facets.get("department")), "one organization gives no department");
        assertEquals(Map.of("FROM_1_TO_9", 4), facets.get("headcountBand"));
        assertEquals(Map.of(), facets.get("strategicSector"));
        assertEquals(List.of("STARTUP", "SME_ETI", "INVESTOR", "RESEARCH_LAB"),
                new ArrayList<>(((Map<String, Object>) facets.get("kind")).keySet()), "largest counts first");

        // Paging through the result gives as many organizations as the total says.
        assertEquals(7, pageThrough(Map.of("city", List.of(city)), 3, null).size());

        // Filtered: the counts follow the filters, each facet's own included.
        Map<String, Object> filtered = search(Map.of("city", List.of(city), "kind", List.of("STARTUP"), "sector", List.of("HEALTH")))
                .then().statusCode(200).extract().path("facets");
        assertEquals(3, filtered.get("total"));
        assertEquals(Map.of("STARTUP", 3), filtered.get("kind"));
        assertEquals(Map.of("HEALTH", 3, "ENERGY", 1), filtered.get("sector"));
        assertEquals(Map.of("true", 1, "false", 2), filtered.get("labelled"));
        assertEquals(3, found(Map.of("city", List.of(city), "kind", List.of("STARTUP"), "sector", List.of("HEALTH"))).size());
    }

    @Test
    void aRadiusSearchFindsWhatIsWithinTheCircleNearestFirst() {
        String token = token();
        String nice = create(cap(token) + " Nice", "Nice", at(NICE));
        String sophia = create(cap(token) + " Sophia", "Sophia Antipolis", at(SOPHIA));
        String marseille = create(cap(token) + " Marseille", "Marseille", at(MARSEILLE));
        String avignon = create(cap(token) + " Avignon", "Avignon", at(AVIGNON));
        create(cap(token) + " Nowhere", "Nice", o -> { });

        Response near = search(Map.of("q", List.of(token), "near", List.of("43.7009,7.2683"), "radiusKm", List.of("30"),
                "sort", List.of("distance")));
        near.then().statusCode(200);
        assertEquals(List.of(nice, sophia), near.path("items.id"));
        assertEquals(0.0, ((Number) near.path("items[0].distanceKm")).doubleValue(), 0.001);
        assertEquals(19.55, ((Number) near.path("items[1].distanceKm")).doubleValue(), 0.05);
        assertEquals(2, (int) near.path("facets.total"));

        // Marseille is about 160 km from Nice, Avignon about 200 km.
        assertEquals(List.of(nice, sophia, marseille), search(Map.of("q", List.of(token),
                "near", List.of("43.7009,7.2683"), "radiusKm", List.of("180"), "sort", List.of("distance")))
                .then().statusCode(200).extract().path("items.id"));

        // Without a radius: every organization with coordinates, nearest to Avignon first.
        Response fromAvignon = search(Map.of("q", List.of(token), "near", List.of("43.9493, 4.8055"), "sort", List.of("distance")));
        assertEquals(List.of(avignon, marseille, sophia, nice), fromAvignon.path("items.id"));
        List<Double> distances = fromAvignon.<List<Number>>path("items.distanceKm").stream().map(Number::doubleValue).toList();
        assertEquals(distances, distances.stream().sorted().toList());
        assertEquals(85.0, distances.get(1), 5.0, "Avignon to Marseille is about 85 km");

        // A radius search without the text, and one paged by distance.
        List<String> aroundSophia = pageThrough(Map.of("near", List.of("43.6163,7.0552"), "radiusKm", List.of("25")), 100, null);
        assertTrue(aroundSophia.containsAll(Set.of(nice, sophia)));
        assertFalse(aroundSophia.contains(marseille));
        assertEquals(List.of(avignon, marseille, sophia, nice),
                pageThrough(Map.of("q", List.of(token), "near", List.of("43.9493,4.8055"), "sort", List.of("distance")), 1, null));
        // Without sort, distance only adds distanceKm; the order stays relevance.
        search(Map.of("q", List.of(token), "near", List.of("43.7009,7.2683"))).then().statusCode(200)
                .body("items.size()", equalTo(4), "items.find { it.id == '" + avignon + "' }.distanceKm", org.hamcrest.Matchers.notNullValue());
        search(Map.of("q", List.of(token))).then().statusCode(200)
                .body("items.size()", equalTo(5), "items[0]", not(org.hamcrest.Matchers.hasKey("distanceKm")));
    }

    @Test
    void theCursorStaysStableWhileOrganizationsAreAdded() {
        for (String sort : List.of("name", "relevance", "distance")) {
            String token = token();
            String city = uniqueCity();
            Set<String> before = new HashSet<>();
            for (int i = 0; i < 7; i++) {
                before.add(stableCandidate(token, city, i));
            }
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put("q", List.of(token));
            params.put("city", List.of(city));
            params.put("near", List.of("43.7009,7.2683"));
            params.put("sort", List.of(sort));

            List<String> added = new ArrayList<>();
            int[] page = { 0 };
            List<String> seen = pageThrough(params, 3, () -> {
                // Between pages, rows land before, among and after the ones already read.
                if (page[0]++ < 2) {
                    for (int i = 0; i < 3; i++) {
                        added.add(stableCandidate(token, city, 100 + page[0] * 10 + i));
                    }
                }
            });

            assertEquals(seen.size(), new HashSet<>(seen).size(), sort + ": no organization comes twice");
            assertTrue(seen.containsAll(before), sort + ": every organization there from the start is seen");
            List<String> fresh = pageThrough(params, 100, null);
            assertEquals(before.size() + added.size(), fresh.size());
            assertEquals(fresh.stream().filter(seen::contains).toList(), seen,
                    sort + ": the pages follow the order of the whole result");
        }
    }

    /** Candidates with varied names, relevance and distance, so each order is exercised (ties included). */
    private String stableCandidate(String token, String city, int n) {
        double[][] places = { NICE, SOPHIA, MARSEILLE, AVIGNON };
        String[] names = { "Zeta", "Alpha", "Mu", "Beta", "Omega", "Kappa" };
        return create(names[n % names.length] + " " + (n % 2 == 0 ? cap(token) : "sans nom"), city, o -> {
            if (n % 2 != 0) {
                o.put("descriptionFr", "Une entreprise " + token + " et " + token + " encore");
            }
            double[] place = places[n % places.length];
            o.put("latitude", place[0] + (n % 5) * 0.01);
            o.put("longitude", place[1]);
        });
    }

    @Test
    void badParametersAre400ProblemsThatNameTheParameter() {
        Map<String, Map<String, List<String>>> cases = new LinkedHashMap<>();
        cases.put("kind", Map.of("kind", List.of("SPACESHIP")));
        cases.put("sector", Map.of("sector", List.of("HEALTH", "ASTROLOGY")));
        cases.put("strategicSector", Map.of("strategicSector", List.of("HEALTH")));
        cases.put("technique", Map.of("technique", List.of("MAGIC")));
        cases.put("headcountBand", Map.of("headcountBand", List.of("HUGE")));
        cases.put("department", Map.of("department", List.of("6")));
        cases.put("city", Map.of("city", List.of(" ")));
        cases.put("labelled", Map.of("labelled", List.of("yes")));
        cases.put("foundedAfter", Map.of("foundedAfter", List.of("last year")));
        cases.put("foundedAfter ", Map.of("foundedAfter", List.of("1492")));
        cases.put("near", Map.of("near", List.of("Nice")));
        cases.put("near  ", Map.of("near", List.of("43.7009")));
        cases.put("near   ", Map.of("near", List.of("91,7.2683")));
        cases.put("near    ", Map.of("near", List.of("43.7009,181")));
        cases.put("radiusKm", Map.of("radiusKm", List.of("25")));
        cases.put("radiusKm ", Map.of("near", List.of("43.7009,7.2683"), "radiusKm", List.of("0")));
        cases.put("radiusKm  ", Map.of("near", List.of("43.7009,7.2683"), "radiusKm", List.of("far")));
        cases.put("radiusKm   ", Map.of("near", List.of("43.7009,7.2683"), "radiusKm", List.of("5000")));
        cases.put("sort", Map.of("sort", List.of("popularity")));
        cases.put("sort ", Map.of("sort", List.of("relevance")));
        cases.put("sort  ", Map.of("sort", List.of("distance"), "q", List.of("ia")));
        cases.put("q", Map.of("q", List.of("x".repeat(201))));
        cases.put("cursor", Map.of("cursor", List.of("forged")));
        cases.forEach((parameter, query) -> search(query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400), "title", equalTo("Bad Request"), "instance", equalTo(ORGANIZATIONS))
                .body("detail", containsString(parameter.strip())));

        // Several bad parameters are reported together.
        search(Map.of("kind", List.of("SPACESHIP"), "labelled", List.of("maybe")))
                .then().statusCode(400).body("detail", containsString("kind"), "detail", containsString("labelled"));

        for (String limit : List.of("0", "101", "-1")) {
            search(Map.of("limit", List.of(limit))).then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("limit"));
        }

        // A cursor only goes with the search that issued it.
        String city = uniqueCity();
        create("Un", city, o -> { });
        create("Deux", city, o -> { });
        String cursor = search(Map.of("city", List.of(city), "limit", List.of("1"))).then().statusCode(200)
                .extract().path("nextCursor");
        search(Map.of("city", List.of(city), "limit", List.of("1"), "cursor", List.of(cursor))).then().statusCode(200);
        search(Map.of("city", List.of(city), "kind", List.of("INVESTOR"), "cursor", List.of(cursor)))
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("cursor"));
        search(Map.of("city", List.of(city), "q", List.of("un"), "cursor", List.of(cursor)))
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("cursor"));
    }

    @Test
    void theOpenApiDocumentDescribesTheSearch() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/directory/v1/organizations'.get.operationId", equalTo("searchOrganizations"))
                .body("paths.'/api/directory/v1/organizations'.get.parameters.name",
                        org.hamcrest.Matchers.hasItems("q", "kind", "sector", "strategicSector", "technique", "department",
                                "city", "headcountBand", "labelled", "foundedAfter", "near", "radiusKm", "sort", "limit", "cursor"))
                .body("paths.'/api/directory/v1/organizations'.get.responses.'400'.'$ref'", containsString("BadRequest"))
                .body("components.schemas.OrganizationFacets.description", containsString("add up"))
                .body("components.schemas.OrganizationSearchPage.properties.items.items.'$ref'", containsString("OrganizationHit"))
                .body("components.schemas.OrganizationHit.properties.keySet()", org.hamcrest.Matchers.hasItems("id", "name",
                        "city", "kind", "label", "distanceKm"));
    }

    // --- helpers ---

    private static Response search(Map<String, List<String>> query) {
        RequestSpecification request = given();
        query.forEach((name, values) -> values.forEach(value -> request.queryParam(name, value)));
        return request.when().get(ORGANIZATIONS);
    }

    private static Set<String> found(Map<String, List<String>> query) {
        Map<String, List<String>> all = new HashMap<>(query);
        all.put("limit", List.of("100"));
        return new HashSet<>(search(all).then().statusCode(200).extract().<List<String>>path("items.id"));
    }

    /** Every id, page after page; {@code betweenPages} runs after each page but the last. */
    private static List<String> pageThrough(Map<String, List<String>> query, int limit, Runnable betweenPages) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, List<String>> all = new HashMap<>(query);
            all.put("limit", List.of(String.valueOf(limit)));
            if (cursor != null) {
                all.put("cursor", List.of(cursor));
            }
            Response page = search(all).then().statusCode(200).extract().response();
            ids.addAll(page.<List<String>>path("items.id"));
            cursor = page.path("nextCursor");
            if (cursor != null && betweenPages != null) {
                betweenPages.run();
            }
        } while (cursor != null && ++pages < 100);
        return ids;
    }

    private static String create(String name, String city, Consumer<Map<String, Object>> details) {
        Map<String, Object> profile = new HashMap<>();
        profile.put("name", name);
        profile.put("kind", "STARTUP");
        profile.put("city", city);
        details.accept(profile);
        return given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON).body(profile)
                .when().post(ORGANIZATIONS)
                .then().statusCode(201).extract().path("id");
    }

    private static Consumer<Map<String, Object>> at(double[] point) {
        return o -> {
            o.put("latitude", point[0]);
            o.put("longitude", point[1]);
        };
    }

    /** The label is label-service's to give; the test sets the read model directly. */
    private static void label(String id, LabelStatus status) {
        QuarkusTransaction.requiringNew().run(() -> Organization.<Organization>findById(UUID.fromString(id)).labelStatus = status);
    }

    private static int sum(Object counts) {
        return ((Map<?, ?>) counts).values().stream().mapToInt(n -> ((Number) n).intValue()).sum();
    }

    /** A made-up word, so that a test's text search finds only that test's organizations. */
    private static String token() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String uniqueCity() {
        return "Ville " + token();
    }
}
