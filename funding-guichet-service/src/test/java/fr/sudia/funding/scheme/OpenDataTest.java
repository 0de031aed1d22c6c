package fr.sudia.funding.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import fr.sudia.platform.testing.OpenDataDownloads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The catalogue and its deadlines as open data: licence headers, caching, files that parse whatever was typed. */
@QuarkusTest
class OpenDataTest {

    static final String HOSTILE = "=cmd|' /C calc'!A0 \"Aide\", IA";

    @Test
    void schemesAndDeadlinesDownloadsParseCarryTheLicenceAndStayInert() {
        LocalDate deadline = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        Map<String, Object> body = Schemes.body(HOSTILE);
        body.put("ongoing", false);
        body.put("deadlines", List.of(deadline.toString()));
        body.put("descriptionFr", "+33 ligne une\nligne deux, \"citée\"");
        String id = Schemes.publish(body);

        List<CSVRecord> schemes = OpenDataDownloads.csv("/api/v1/open-data/schemes.csv", OpenDataResource.SCHEMES.header());
        CSVRecord row = schemes.stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
        assertEquals("'" + HOSTILE, row.get("name"));
        assertEquals("'+33 ligne une\nligne deux, \"citée\"", row.get("descriptionFr"));
        assertEquals(deadline.toString(), row.get("deadlines"));

        JsonPath json = OpenDataDownloads.json("/api/v1/open-data/schemes.json");
        assertEquals(schemes.size(), json.getList("items").size());
        assertTrue(json.getList("items.name").contains(HOSTILE), "JSON keeps the name as typed");

        List<CSVRecord> deadlines = OpenDataDownloads.csv("/api/v1/open-data/deadlines.csv", OpenDataResource.DEADLINES.header());
        assertTrue(deadlines.stream().anyMatch(r -> r.get("schemeId").equals(id) && r.get("deadline").equals(deadline.toString())));
        JsonPath deadlinesJson = OpenDataDownloads.json("/api/v1/open-data/deadlines.json");
        assertEquals(deadlines.size(), deadlinesJson.getList("items").size());
    }
}
