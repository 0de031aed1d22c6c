package fr.sudia.events.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import fr.sudia.events.Fixtures;
import fr.sudia.platform.testing.OpenDataDownloads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The published events as open data: licence headers, caching, files that parse, venues as GeoJSON points. */
@QuarkusTest
class OpenDataTest {

    @Test
    void eventsDownloadAsCsvJsonAndGeoJsonWithTheLicenceAndStayValid() {
        // A title a spreadsheet would run, with a quote and a comma (JSON-escaped in the request body).
        String title = "=cmd|' /C calc'!A0 \\\"Atelier\\\", IA";
        String id = Fixtures.published(title, "2031-03-12T17:00:00Z", "2031-03-12T19:00:00Z",
                ",\"descriptionFr\":\"-ligne une\\nligne deux\"").path("id");

        CSVRecord row = OpenDataDownloads.csv("/api/v1/open-data/events.csv", OpenDataResource.EVENTS.header()).stream()
                .filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
        assertEquals("'=cmd|' /C calc'!A0 \"Atelier\", IA", row.get("titleFr"));
        assertEquals("'-ligne une\nligne deux", row.get("descriptionFr"));
        assertEquals("Biot", row.get("city"));
        assertEquals("GRAND_PUBLIC", row.get("audiences"));

        JsonPath json = OpenDataDownloads.json("/api/v1/open-data/events.json");
        assertTrue(json.getList("items.id").contains(id));

        JsonPath geo = OpenDataDownloads.geoJson("/api/v1/open-data/events.geojson");
        List<Map<String, Object>> features = geo.getList("features");
        Map<String, Object> feature = features.stream().filter(f -> id.equals(f.get("id"))).findFirst().orElseThrow();
        assertEquals(List.of(7.0686f, 43.6163f), ((Map<?, ?>) feature.get("geometry")).get("coordinates"));
    }
}
