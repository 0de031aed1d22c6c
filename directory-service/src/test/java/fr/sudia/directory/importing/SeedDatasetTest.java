package fr.sudia.directory.importing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.directory.organization.CompanyNumbers;
import fr.sudia.directory.organization.Organization;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

/** The seed dataset (src/main/resources/seed/organizations.json) passes the import's own checks. */
@QuarkusTest
class SeedDatasetTest {

    static final String SEED = "/seed/organizations.json";
    /** The city of an organization the sources place in the region but in no particular city. */
    static final String REGION = "Provence-Alpes-Côte d'Azur";

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Test
    void theSeedImportsThroughTheApiWithoutRejection() throws Exception {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream(SEED)) {
            file = in.readAllBytes();
        }
        io.restassured.path.json.JsonPath job = ImportResourceTest.finished(
                ImportResourceTest.start(new String(file, java.nio.charset.StandardCharsets.UTF_8), "application/json"));
        assertEquals("DONE", job.getString("status"));
        assertEquals(0, job.getInt("counts.rejected"), job.prettify());
        assertEquals(job.getInt("counts.total"), job.getInt("counts.accepted") + job.getInt("counts.unchanged"));
        // The seed labels no one, not even the places the Plan means to network under the label (Mesure 7).
        for (String place : List.of("Terra Numerica", "rAIlity Lab", "Maison de l'Intelligence Artificielle (MIA)",
                "LICA – Laboratoire d'Intelligence Collective et Artificielle")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                    .queryParam("q", place).queryParam("kind", "AI_AWARENESS_PLACE").when().get("/api/v1/organizations").then().statusCode(200)
                    .body("items.findAll { it.name == '" + place.replace("'", "\\'") + "' }.label.status",
                            equalTo(List.of("NONE"))));
        }
        // Loading it again (what `deploy/local/stack seed` does) changes nothing.
        io.restassured.path.json.JsonPath again = ImportResourceTest.finished(
                ImportResourceTest.start(new String(file, java.nio.charset.StandardCharsets.UTF_8), "application/json"));
        assertEquals(job.getInt("counts.total"), again.getInt("counts.unchanged"));
    }

    @Test
    void everyRowPassesTheSameValidationAsTheApiAndNoSirenIsInvented() throws Exception {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream(SEED)) {
            assertNotNull(in, SEED + " is on the classpath");
            file = in.readAllBytes();
        }
        List<RawRow> raw = JsonRows.read(mapper, file);
        ProfileRows rows = new ProfileRows(validator);
        List<String> problems = new ArrayList<>();
        for (RawRow row : raw) {
            ProfileRows.CheckedRow checked = rows.check(row);
            if (!checked.accepted()) {
                problems.add("line " + row.line() + " " + checked.name() + ": " + checked.violations());
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(raw.size() >= 40, "the seeds name some fifty organizations");

        JsonNode seed = mapper.readTree(file);
        for (JsonNode row : seed) {
            JsonNode siren = row.path("siren");
            assertTrue(siren.isMissingNode() || siren.isNull() || CompanyNumbers.isValidSiren(siren.asText()),
                    row.path("name").asText() + ": a SIREN only when the seed documents give it, and a valid one");
            // A city the sources give is placed on the map; an organization they place in no city is in the region.
            boolean placed = !REGION.equals(row.path("city").asText());
            assertEquals(placed, row.hasNonNull("latitude") && row.hasNonNull("longitude"),
                    row.path("name") + ": coordinates exactly when the sources give a city");
            assertEquals(placed, row.hasNonNull("department"), row.path("name") + ": a department exactly when placed");
            // The sources name no holder of the Sud IA label: nothing in the seed may say otherwise.
            assertTrue(!row.has("label") && !row.has("labelled") && !row.has("labelStatus"), row.path("name") + " carries no label");
        }
        Set<String> keys = raw.stream().map(r -> Organization.nameKey(String.valueOf(r.values().get("name")),
                String.valueOf(r.values().get("city")))).collect(Collectors.toSet());
        assertEquals(raw.size(), keys.size(), "no organization twice");
        Set<String> names = raw.stream().map(r -> String.valueOf(r.values().get("name"))).collect(Collectors.toSet());
        for (String expected : List.of("Therapixel", "Avicenna AI", "Hivenet", "Videtics", "AI Verse", "Bioceanor",
                "IADYS", "Phocea DC", "Volta Medical", "3IA Côte d'Azur", "Eurecom", "SAP Labs France",
                // named by the sources, added later
                "Bpifrance", "Sesterce", "EDIH Move2Digital", "Cluster IA", "Hub France IA",
                "Campus cyber Région Provence-Alpes-Côte d'Azur", "Pôle ALPHA", "Campus des Métiers et des Qualifications Numérique")) {
            assertTrue(names.contains(expected), expected + " is in the seed");
        }
    }
}
