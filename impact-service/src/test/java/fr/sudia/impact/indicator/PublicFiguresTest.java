package fr.sudia.impact.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.impact.support.Sources;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What the public reads: measured and declared figures apart, progress, cacheable answers, downloads with the licence. */
@QuarkusTest
class PublicFiguresTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    @Test
    void theSeedBringsThePlansIndicatorsWithTheirTargetsAndSources() {
        JsonPath list = given().when().get("/api/v1/indicators").then().statusCode(200).extract().jsonPath();
        List<String> ids = list.getList("items.id");
        assertTrue(ids.containsAll(List.of("people-made-aware", "pupils-made-aware", "companies-helped", "labels-granted",
                "ai-challenges-held", "directory-organizations")), ids.toString());
        given().when().get("/api/v1/indicators/ai-challenges-held").then().statusCode(200)
                .body("target.value", equalTo(5), "target.unit", equalTo("calls"),
                        "target.planSentence", equalTo("Mesure 5 : Organiser un Challenge IA par an jusqu'en 2028"),
                        "planMeasures", equalTo(List.of(5)), "name.fr", equalTo("Challenges IA organisés"));
    }

    @Test
    void declaredFiguresAreShownApartAndNeverAddedToTheMeasuredOnes() {
        Sources sources = new Sources(broker, entityManager);
        sources.awaitProcessed(sources.attendance(UUID.randomUUID(), "2036-04-04T08:00:00Z", 1, 12, 12, "13055", "13", null));
        JsonPath series = given().when().get("/api/v1/indicators/pupils-made-aware/series").then().statusCode(200).extract().jsonPath();
        long measuredEverywhere = series.getList("points.value", Integer.class).stream().mapToLong(Integer::longValue).sum();
        assertTrue(measuredEverywhere >= 12);

        given().when().get("/api/v1/indicators/pupils-made-aware/figures").then().statusCode(200)
                .body("measured.nature", equalTo("MEASURED"))
                .body("measured.value", equalTo((int) measuredEverywhere))
                .body("declared[0].nature", equalTo("DECLARED"))
                .body("declared[0].value", equalTo(35000))
                .body("declared[0].source", containsString("Alpes-Maritimes"))
                .body("declared[0].scopeFr", containsString("Collégiens"))
                .body("note", containsString("never added together"));
    }

    @Test
    void progressCountsOnlyTheMeasuredFigureOverTheTargetsPeriod() {
        Sources sources = new Sources(broker, entityManager);
        UUID challenge = UUID.randomUUID();
        long before = given().when().get("/api/v1/indicators/ai-challenges-held/progress").then().statusCode(200)
                .extract().jsonPath().getLong("measured.value");
        sources.awaitProcessed(sources.laureate(challenge, "AI_CHALLENGE", 2026, null, null, "2026-06-20T16:00:00Z"));
        // Outside the target's period (2024-2028): not counted in the progress.
        sources.awaitProcessed(sources.laureate(UUID.randomUUID(), "AI_CHALLENGE", 2030, null, null, "2030-06-20T16:00:00Z"));
        JsonPath progress = given().when().get("/api/v1/indicators/ai-challenges-held/progress").then().statusCode(200)
                .body("target.value", equalTo(5), "measured.from", equalTo("2024-01-01"), "measured.to", equalTo("2028-12-31"))
                .extract().jsonPath();
        long measured = progress.getLong("measured.value");
        assertEquals(before + 1, measured);
        assertEquals(Math.round(measured / 5.0 * 10000) / 10000.0, progress.getDouble("ratio"), 1e-9);
        given().when().get("/api/v1/indicators/people-made-aware/progress").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void publicReadsAreCacheableAndRevalidated() {
        for (String path : List.of("/api/v1/indicators", "/api/v1/indicators/people-made-aware/figures",
                "/api/v1/indicators/people-made-aware/series?breakdown=department", "/api/v1/indicators/ai-challenges-held/progress",
                "/api/v1/open-data/indicators.json", "/api/v1/open-data/indicators.csv", "/api/v1/metrics",
                "/api/v1/declared-figures?indicatorId=people-made-aware")) {
            var first = given().when().get(path).then().statusCode(200)
                    .header("Cache-Control", containsString("max-age=60")).header("Cache-Control", not(containsString("private")))
                    .extract();
            String etag = first.header("ETag");
            assertTrue(etag != null && etag.startsWith("\""), path + " ETag " + etag);
            given().header("If-None-Match", etag).when().get(path).then().statusCode(304).header("ETag", etag);
        }
    }

    @Test
    void downloadsCarryTheLicenceAndTheMethodologyAndAreSafeInSpreadsheets() {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        IndicatorAdminTest.admin().body(IndicatorAdminTest.indicator(id, "[\"year\"]", "{}", null)).when().post("/api/v1/indicators")
                .then().statusCode(201);
        IndicatorAdminTest.admin().body("""
                {"indicatorId": "%s", "value": 2, "unit": "calls", "periodStart": "2020-01-01", "periodEnd": "2020-12-31",
                 "scopeFr": "=HYPERLINK(\\"x\\")", "source": "@SUM(A1)"}""".formatted(id))
                .when().post("/api/v1/declared-figures").then().statusCode(201);

        String csv = given().when().get("/api/v1/open-data/indicators.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        assertTrue(csv.startsWith("# Licence: Licence Ouverte / Open Licence 2.0\r\n"), csv.substring(0, 80));
        assertTrue(csv.contains("# Methodology: "), csv);
        assertTrue(csv.contains("indicator_id,name_fr,name_en,nature,value,unit,period_start,period_end,scope,source"), csv);
        assertTrue(csv.contains("people-made-aware,Personnes sensibilisées à l'IA,People made aware of AI,DECLARED,100000"), csv);
        assertTrue(csv.contains("ai-challenges-held,Challenges IA organisés,AI Challenges held,TARGET,5,calls,2024-01-01,2028-12-31"), csv);
        assertTrue(csv.contains(",DECLARED,2,calls,2020-01-01,2020-12-31,\"'=HYPERLINK(\"\"x\"\")\",'@SUM(A1)"), csv);

        String series = given().queryParam("breakdown", "audience").when().get("/api/v1/indicators/people-made-aware/series.csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertTrue(series.startsWith("# Licence: Licence Ouverte / Open Licence 2.0\r\n# Methodology: "), series);
        assertTrue(series.contains("indicator_id,nature,period,breakdown,breakdown_value,value,unit"), series);

        given().when().get("/api/v1/open-data/indicators.json").then().statusCode(200)
                .body("licence", equalTo("Licence Ouverte / Open Licence 2.0"))
                .body("methodology", containsString("never added together"))
                .body("indicators.indicator.id", hasItem("people-made-aware"));
        given().when().get("/api/v1/indicators/people-made-aware/series").then().statusCode(200)
                .body("licence", equalTo("Licence Ouverte / Open Licence 2.0"))
                .body("methodology", containsString("attendance.present"));
    }

    @Test
    void badSeriesQuestionsAreProblems() {
        given().queryParam("period", "week").when().get("/api/v1/indicators/people-made-aware/series")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("breakdown", "sector").when().get("/api/v1/indicators/people-made-aware/series")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("not broken down by sector"));
        given().queryParam("from", "2027-01-01").queryParam("to", "2026-01-01").when().get("/api/v1/indicators/people-made-aware/series")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("from", "yesterday").when().get("/api/v1/indicators/people-made-aware/series")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/indicators/no-such-indicator/series").then().statusCode(404).contentType("application/problem+json");
    }
}
