package fr.sudia.directory.opendata;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.OpenDataDownloads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Every directory dataset as open data: licence headers, caching, and files that parse whatever was typed. */
@QuarkusTest
class OpenDataDownloadsTest {

    static final String HOSTILE = "=cmd|' /C calc'!A0 \"IA\", Nice\nsuite";

    @Test
    void organizationsSolutionsAndTrainingsDownloadWithTheLicenceAndStayValid() {
        String organization = editor().body(Map.of("name", "Open data " + System.nanoTime(), "kind", "STARTUP", "city", "Nice",
                "latitude", 43.7, "longitude", 7.26)).when().post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        String solution = editor().body(Map.of("organizationId", organization, "name", HOSTILE, "descriptionFr", "@détection\tpar IA",
                "useCases", List.of("MEDICAL_IMAGING_DIAGNOSIS"), "targetCustomers", List.of("HEALTHCARE_PROVIDER"),
                "sectors", List.of("HEALTH"))).when().post("/api/v1/solutions").then().statusCode(201).extract().path("id");
        String training = editor().body(Map.of("organizationId", organization, "name", "+Master IA", "institution", "Université",
                "city", "-Nice")).when().post("/api/v1/trainings").then().statusCode(201).extract().path("id");

        JsonPath organizations = OpenDataDownloads.json("/api/v1/exports/organizations.json");
        assertTrue(organizations.getList("items.id").contains(organization));
        JsonPath geo = OpenDataDownloads.geoJson("/api/v1/exports/organizations.geojson");
        assertEquals(organizations.getList("items").size(), geo.getList("features").size());
        OpenDataDownloads.csv("/api/v1/exports/organizations.csv", OpenDataResource.ORGANIZATIONS.header());

        CSVRecord s = OpenDataDownloads.csv("/api/v1/exports/solutions.csv", OpenDataResource.SOLUTIONS.header()).stream()
                .filter(r -> r.get("id").equals(solution)).findFirst().orElseThrow();
        assertEquals("'" + HOSTILE, s.get("name"));
        assertEquals("'@détection\tpar IA", s.get("descriptionFr"));
        assertEquals("MEDICAL_IMAGING_DIAGNOSIS", s.get("useCases"));
        assertTrue(OpenDataDownloads.json("/api/v1/exports/solutions.json").getList("items.name").contains(HOSTILE));

        CSVRecord t = OpenDataDownloads.csv("/api/v1/exports/trainings.csv", OpenDataResource.TRAININGS.header()).stream()
                .filter(r -> r.get("id").equals(training)).findFirst().orElseThrow();
        assertEquals("'+Master IA", t.get("name"));
        assertEquals("'-Nice", t.get("city"));
        assertTrue(OpenDataDownloads.json("/api/v1/exports/trainings.json").getList("items.id").contains(training));
    }

    private static RequestSpecification editor() {
        return given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON);
    }
}
