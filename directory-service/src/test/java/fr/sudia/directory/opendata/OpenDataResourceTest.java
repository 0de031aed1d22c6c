package fr.sudia.directory.opendata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.directory.importing.ImportResourceTest;
import fr.sudia.directory.organization.LabelStatus;
import fr.sudia.directory.organization.Organization;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class OpenDataResourceTest {

    static final String CSV_EXPORT = "/api/v1/exports/organizations.csv";
    static final String GEOJSON_EXPORT = "/api/v1/exports/organizations.geojson";

    @Test
    void aNameThatASpreadsheetWouldRunAsAFormulaIsExportedInert() throws Exception {
        String tag = ImportResourceTest.tag();
        String name = "=HYPERLINK(\"http://evil.example\";\"Formula " + tag + "\")";
        String id = given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "STARTUP", "city", "-Nice"))
                .when().post("/api/v1/organizations").then().statusCode(201).extract().path("id");

        String csv = given().when().get(CSV_EXPORT).then().statusCode(200).extract().asString();
        CSVRecord ours = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords().stream()
                .filter(r -> r.get("name").contains("Formula " + tag)).findFirst().orElseThrow();
        assertEquals("'" + name, ours.get("name"));
        assertEquals("'-Nice", ours.get("city"));
        // The API itself keeps the text as given.
        given().queryParam("q", "Formula " + tag).when().get("/api/v1/organizations")
                .then().statusCode(200).body("items[0].name", org.hamcrest.Matchers.equalTo(name));
        // Gone again, so that the other tests' export re-imports stay exact.
        QuarkusTransaction.requiringNew().run(() -> Organization.<Organization>findById(java.util.UUID.fromString(id)).deletedAt =
                java.time.OffsetDateTime.now());
    }

    @Test
    void theCsvExportParsesBackAndHoldsOnlyPublishedOrganizations() throws Exception {
        String tag = ImportResourceTest.tag();
        ImportResourceTest.finished(ImportResourceTest.start(ImportResourceTest.HEADER
                + "Export " + tag + ",STARTUP,,Nice,06,43.7009,7.2683,HEALTH|ENVIRONMENT,COMPUTER_VISION,\"Une, \"\"description\"\"\nsur deux lignes\"\n",
                "text/csv"));
        String pendingId = given().auth().oauth2(DevTokens.forOrganization(Roles.MEMBER, java.util.UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body("{\"name\":\"Pending " + tag + "\",\"kind\":\"STARTUP\",\"city\":\"Nice\"}")
                .when().post("/api/v1/organizations").then().statusCode(201).extract().path("id");

        Response response = given().when().get(CSV_EXPORT).then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("ETag", not(emptyOrNullString())).header("Last-Modified", not(emptyOrNullString()))
                .header("Cache-Control", containsString("max-age")).extract().response();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.asString())).getRecords();
        CSVRecord ours = records.stream().filter(r -> r.get("name").equals("Export " + tag)).findFirst().orElseThrow();
        assertEquals("Une, \"description\"\nsur deux lignes", ours.get("descriptionFr"));
        assertEquals("ENVIRONMENT|HEALTH", ours.get("sectors"));
        assertEquals("43.7009", ours.get("latitude"));
        assertEquals("7.2683", ours.get("longitude"));
        assertEquals("06", ours.get("department"));
        assertTrue(records.stream().noneMatch(r -> r.get("id").equals(pendingId)), "unpublished entries are not exported");
        long published = QuarkusTransaction.requiringNew().call(
                () -> Organization.count("deletedAt is null and moderationStatus = 'PUBLISHED'"));
        assertEquals(published, records.size());

        // The export imports back as it is: nothing changes.
        String exported = response.asString();
        var job = ImportResourceTest.finished(ImportResourceTest.start(exported, "text/csv"));
        assertEquals(0, job.getInt("counts.rejected"), job.prettify());
        assertEquals(0, job.getInt("counts.accepted"), job.prettify());
        assertEquals(records.size(), job.getInt("counts.unchanged"), job.prettify());
    }

    @Test
    void theGeoJsonExportIsAFeatureCollectionWithLongitudeFirst() throws Exception {
        String tag = ImportResourceTest.tag();
        ImportResourceTest.finished(ImportResourceTest.start(ImportResourceTest.HEADER
                + "Geo " + tag + ",STARTUP,,Avignon,84,43.9493,4.8055,HEALTH,,\n"
                + "Nowhere " + tag + ",STARTUP,,Avignon,84,,,,,\n", "text/csv"));

        Response response = given().when().get(GEOJSON_EXPORT).then().statusCode(200)
                .contentType(containsString("application/geo+json")).header("ETag", not(emptyOrNullString()))
                .extract().response();
        JsonNode collection = new ObjectMapper().readTree(response.asString());
        assertEquals("FeatureCollection", collection.path("type").asText());
        assertTrue(collection.path("features").isArray());
        for (JsonNode feature : collection.path("features")) {
            assertEquals("Feature", feature.path("type").asText());
            assertTrue(feature.path("properties").isObject());
            JsonNode geometry = feature.path("geometry");
            if (!geometry.isNull()) {
                assertEquals("Point", geometry.path("type").asText());
                assertEquals(2, geometry.path("coordinates").size());
                double lon = geometry.path("coordinates").get(0).asDouble();
                double lat = geometry.path("coordinates").get(1).asDouble();
                assertTrue(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
            }
        }
        JsonNode geo = feature(collection, "Geo " + tag);
        assertEquals(4.8055, geo.path("geometry").path("coordinates").get(0).asDouble(), "longitude first");
        assertEquals(43.9493, geo.path("geometry").path("coordinates").get(1).asDouble());
        assertEquals("84", geo.path("properties").path("department").asText());
        assertEquals("HEALTH", geo.path("properties").path("sectors").get(0).asText());
        assertTrue(feature(collection, "Nowhere " + tag).path("geometry").isNull());
    }

    @Test
    void exportsAndStatisticsAnswer304WhileNothingChangesAndANewETagAfterAChange() {
        for (String path : List.of(CSV_EXPORT, GEOJSON_EXPORT, "/api/v1/statistics")) {
            String etag = given().when().get(path).then().statusCode(200).extract().header("ETag");
            given().header("If-None-Match", etag).when().get(path).then().statusCode(304)
                    .header("ETag", etag).header("Cache-Control", containsString("public"));
            given().header("If-None-Match", "\"stale\"").when().get(path).then().statusCode(200);
        }
        String before = given().when().get(CSV_EXPORT).then().extract().header("ETag");
        ImportResourceTest.finished(ImportResourceTest.start(ImportResourceTest.HEADER
                + "Etag " + ImportResourceTest.tag() + ",STARTUP,,Nice,06,,,,,\n", "text/csv"));
        given().header("If-None-Match", before).when().get(CSV_EXPORT).then().statusCode(200);
        assertNotEquals(before, given().when().get(CSV_EXPORT).then().extract().header("ETag"));
    }

    @Test
    void statisticsAddUp() {
        String tag = ImportResourceTest.tag();
        ImportResourceTest.finished(ImportResourceTest.start(ImportResourceTest.HEADER
                + "Stat A " + tag + ",RESEARCH_LAB,,Toulon,83,,,DEFENCE_SECURITY|MARITIME,,\n"
                + "Stat B " + tag + ",RESEARCH_LAB,,Toulon,83,,,,,\n", "text/csv"));
        QuarkusTransaction.requiringNew().run(() -> Organization.update(
                "labelStatus = ?1, labelChangedAt = ?2 where name = ?3", LabelStatus.VALID,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), "Stat A " + tag));

        Response response = given().when().get("/api/v1/statistics").then().statusCode(200)
                .contentType(ContentType.JSON).extract().response();
        long total = response.jsonPath().getLong("total");
        Map<String, Number> byKind = response.jsonPath().getMap("byKind");
        Map<String, Number> byDepartment = response.jsonPath().getMap("byDepartment");
        Map<String, Number> bySector = response.jsonPath().getMap("bySector");
        assertEquals(total, byKind.values().stream().mapToLong(Number::longValue).sum());
        assertEquals(total, byDepartment.values().stream().mapToLong(Number::longValue).sum());
        assertTrue(bySector.values().stream().mapToLong(Number::longValue).sum() >= total);
        assertTrue(byKind.get("RESEARCH_LAB").longValue() >= 2);
        assertTrue(byDepartment.get("83").longValue() >= 2);
        long published = QuarkusTransaction.requiringNew().call(
                () -> Organization.count("deletedAt is null and moderationStatus = 'PUBLISHED'"));
        long labelled = QuarkusTransaction.requiringNew().call(() -> Organization.count(
                "deletedAt is null and moderationStatus = 'PUBLISHED' and labelStatus = ?1", LabelStatus.VALID));
        assertEquals(published, total);
        assertEquals(labelled, response.jsonPath().getLong("labelled"));
        assertTrue(labelled >= 1);
        assertEquals(Math.round(10_000.0 * labelled / total) / 10_000.0, response.jsonPath().getDouble("labelledShare"), 1e-9);
        assertNotNull(response.jsonPath().get("lastChange"));
    }

    private static JsonNode feature(JsonNode collection, String name) {
        return StreamSupport.stream(collection.path("features").spliterator(), false)
                .filter(f -> f.path("properties").path("name").asText().equals(name)).findFirst().orElseThrow();
    }

}
