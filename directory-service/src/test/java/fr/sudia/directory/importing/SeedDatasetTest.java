package fr.sudia.directory.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
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
            assertTrue(row.hasNonNull("latitude") && row.hasNonNull("longitude"), row.path("name") + " has coordinates");
        }
        Set<String> keys = raw.stream().map(r -> Organization.nameKey(String.valueOf(r.values().get("name")),
                String.valueOf(r.values().get("city")))).collect(Collectors.toSet());
        assertEquals(raw.size(), keys.size(), "no organization twice");
        Set<String> names = raw.stream().map(r -> String.valueOf(r.values().get("name"))).collect(Collectors.toSet());
        for (String expected : List.of("Therapixel", "Avicenna AI", "Hivenet", "Videtics", "AI Verse", "Bioceanor",
                "IADYS", "Phocea DC", "Volta Medical", "3IA Côte d'Azur", "Eurecom", "SAP Labs France")) {
            assertTrue(names.contains(expected), expected + " is in the seed");
        }
    }
}
