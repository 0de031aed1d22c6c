package fr.sudia.impact.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Admins add, change and remove indicators and declared figures; bad input is a 4xx problem and stores nothing. */
@QuarkusTest
class IndicatorAdminTest {

    static final String TARGET = """
            {"value": 5, "unit": "calls", "periodStart": "2024-01-01", "periodEnd": "2028-12-31",
             "planSentence": "Mesure 5 : Organiser un Challenge IA par an jusqu'en 2028", "source": "Plan Sud IA"}""";

    static String indicator(String id, String breakdowns, String filters, String target) {
        return """
                {"id": "%s", "position": 500,
                 "name": {"fr": "Challenges IA", "en": "AI Challenges"},
                 "definition": {"fr": "Éditions tenues", "en": "Editions held"},
                 "planMeasures": [5], "unit": "calls",
                 "computation": {"metric": "calls.laureates", "aggregation": "COUNT_DISTINCT_ITEM", "filters": %s},
                 "breakdowns": %s%s}"""
                .formatted(id, filters, breakdowns, target == null ? "" : ", \"target\": " + target);
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).contentType(ContentType.JSON);
    }

    static String newId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAdminAddsChangesAndRemovesAnIndicatorWithOptimisticConcurrency() {
        String id = newId();
        admin().body(indicator(id, "[\"year\", \"department\"]", "{\"kind\": \"AI_CHALLENGE\"}", TARGET))
                .when().post("/api/v1/indicators")
                .then().statusCode(201).header("Location", "/api/v1/indicators/" + id).header("ETag", "\"0\"")
                .body("computation.topic", equalTo("funding.calls.v1"), "target.planSentence", containsString("Mesure 5"));
        given().when().get("/api/v1/indicators/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .header("Cache-Control", containsString("max-age"));
        given().header("If-None-Match", "\"0\"").when().get("/api/v1/indicators/" + id).then().statusCode(304);

        String changed = indicator(id, "[\"year\"]", "{\"kind\": \"AI_CHALLENGE\"}", TARGET).replace("AI Challenges", "AI Challenges held");
        admin().body(changed).when().put("/api/v1/indicators/" + id).then().statusCode(428).contentType("application/problem+json");
        admin().header("If-Match", "\"7\"").body(changed).when().put("/api/v1/indicators/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        admin().header("If-Match", "\"0\"").body(changed).when().put("/api/v1/indicators/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("name.en", equalTo("AI Challenges held"));
        admin().header("If-Match", "\"0\"").when().delete("/api/v1/indicators/" + id).then().statusCode(412);
        admin().header("If-Match", "\"1\"").when().delete("/api/v1/indicators/" + id).then().statusCode(204);
        given().when().get("/api/v1/indicators/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsWrite() {
        String body = indicator(newId(), "[\"year\"]", "{}", null);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/indicators")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forOrganization(Roles.MEMBER, UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/indicators").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badIndicatorsAreRefusedAndNothingIsStored() {
        Map<String, String> cases = Map.of(
                "unknown breakdown", indicator(newId(), "[\"year\", \"galaxy\"]", "{}", null),
                "target without unit", indicator(newId(), "[\"year\"]", "{}", TARGET.replace("\"unit\": \"calls\",", "")),
                "target in another unit", indicator(newId(), "[\"year\"]", "{}", TARGET.replace("\"unit\": \"calls\"", "\"unit\": \"EUR\"")),
                "target ending before it starts", indicator(newId(), "[\"year\"]", "{}", TARGET.replace("2028-12-31", "2023-12-31")),
                "unknown metric", indicator(newId(), "[\"year\"]", "{}", null).replace("calls.laureates", "calls.nothing"),
                "filter the metric lacks", indicator(newId(), "[\"year\"]", "{\"audience\": \"PUPIL\"}", null),
                "breakdown the metric cannot give", indicator(newId(), "[\"sector\"]", "{}", null),
                "unknown aggregation", indicator(newId(), "[\"year\"]", "{}", null).replace("COUNT_DISTINCT_ITEM", "MEDIAN"),
                "no name", indicator(newId(), "[\"year\"]", "{}", null).replace("\"name\": {\"fr\": \"Challenges IA\", \"en\": \"AI Challenges\"},", ""));
        cases.forEach((problem, body) -> {
            String id = body.replaceAll("(?s).*\"id\": \"([^\"]+)\".*", "$1");
            admin().body(body).when().post("/api/v1/indicators")
                    .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
            given().when().get("/api/v1/indicators/" + id).then().statusCode(404);
        });
        // Audience-filtered attendance is not split by commune: a department breakdown is refused.
        admin().body(indicator(newId(), "[\"department\"]", "{\"audience\": \"PUPIL\"}", null).replace("calls.laureates", "attendance.present")
                .replace("COUNT_DISTINCT_ITEM", "SUM")).when().post("/api/v1/indicators")
                .then().statusCode(400).body("detail", containsString("cannot be broken down by department"));
        admin().body(indicator(newId(), "[\"year\", \"galaxy\"]", "{}", null)).when().post("/api/v1/indicators")
                .then().body("detail", containsString("unknown breakdown galaxy"));
        admin().body(indicator(newId(), "[\"year\"]", "{}", TARGET.replace("\"unit\": \"calls\",", ""))).when().post("/api/v1/indicators")
                .then().body("violations.field", hasItem("target.unit"));

        // A bad update changes nothing either.
        String id = newId();
        admin().body(indicator(id, "[\"year\"]", "{}", null)).when().post("/api/v1/indicators").then().statusCode(201);
        admin().header("If-Match", "\"0\"").body(indicator(id, "[\"galaxy\"]", "{}", null)).when().put("/api/v1/indicators/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/indicators/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("breakdowns", equalTo(java.util.List.of("year")));
    }

    @Test
    void declaredFiguresAreCheckedAndVersioned() {
        String id = newId();
        admin().body(indicator(id, "[\"year\"]", "{}", null)).when().post("/api/v1/indicators").then().statusCode(201);
        String figure = """
                {"indicatorId": "%s", "value": 3, "unit": "calls", "periodStart": "2020-01-01", "periodEnd": "2023-12-31",
                 "scopeFr": "Challenges tenus avant le plan", "source": "Bilan 2023"}""".formatted(id);
        admin().body(figure.replace("2023-12-31", "2019-12-31")).when().post("/api/v1/declared-figures")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("periodEnd"));
        admin().body(figure.replace("\"unit\": \"calls\"", "\"unit\": \"EUR\"")).when().post("/api/v1/declared-figures")
                .then().statusCode(400).contentType("application/problem+json");
        admin().body(figure.replace("\"source\": \"Bilan 2023\"", "\"source\": \" \"")).when().post("/api/v1/declared-figures")
                .then().statusCode(400).body("violations.field", hasItem("source"));
        given().queryParam("indicatorId", id).when().get("/api/v1/declared-figures")
                .then().statusCode(200).body("items.size()", equalTo(0));

        String location = admin().body(figure).when().post("/api/v1/declared-figures")
                .then().statusCode(201).header("ETag", "\"0\"").body("nature", equalTo("DECLARED")).extract().header("Location");
        admin().header("If-Match", "\"0\"").body(figure.replace("\"value\": 3", "\"value\": 4")).when().put(location)
                .then().statusCode(200).header("ETag", "\"1\"").body("value", equalTo(4));
        admin().header("If-Match", "\"0\"").when().delete(location).then().statusCode(412);
        admin().header("If-Match", "\"1\"").when().delete(location).then().statusCode(204);
        given().when().get(location).then().statusCode(404);
    }
}
