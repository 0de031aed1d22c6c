package fr.sudia.platform.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;

class OpenDataTest {

    record Item(String id, String name, List<String> tags, Double lat, Double lon) {
    }

    static final String HOSTILE = "=cmd|' /C calc'!A0 \"quoted\", line\nbreak\u0000\u0007\r end";

    static final OpenDataset<Item> DATASET = OpenDataset.of("sud-ia-test", "Essai", "Test", "Un essai", "A test",
            List.<OpenDataset.Column<Item>>of(new OpenDataset.Column<>("id", Item::id), new OpenDataset.Column<>("name", Item::name),
                    new OpenDataset.Column<>("tags", Item::tags)))
            .withPlaces(Item::id, i -> i.lat() == null ? null : new OpenDataset.Point(i.lon(), i.lat()));

    static final List<Item> ITEMS = List.of(new Item("a", HOSTILE, List.of("+x", "y"), 43.7, 7.26),
            new Item("b", "-2+3", List.of(), null, null), new Item("c", "@SUM(A1)", List.of("z"), 43.3, 5.4));

    @Test
    void aHostileValueKeepsTheCsvValidAndInert() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DATASET.writeCsv(out, ITEMS);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
        assertEquals(3, records.size());
        for (CSVRecord r : records) {
            assertEquals(3, r.size(), "every row has every column: " + r);
            assertTrue("=+-@\t\r".indexOf(r.get("name").charAt(0)) < 0, "no cell starts a formula: " + r.get("name"));
            assertTrue(r.get("name").chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t'), "no control character");
        }
        assertEquals("'=cmd|' /C calc'!A0 \"quoted\", line\nbreak\n end", records.get(0).get("name"),
                "control characters dropped, the lone CR a line feed, all quoted");
        assertEquals("'+x|y", records.get(0).get("tags"));
        assertEquals("'-2+3", records.get(1).get("name"));
        assertEquals("'@SUM(A1)", records.get(2).get("name"));
    }

    @Test
    void jsonAndGeoJsonCarryTheLicenceAndTheItems() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        DATASET.writeJson(mapper, json, ITEMS);
        JsonNode doc = mapper.readTree(json.toByteArray());
        assertEquals("etalab-2.0", doc.path("licence").path("id").asText());
        assertEquals(HOSTILE, doc.path("items").get(0).path("name").asText(), "JSON keeps the text as it was, escaped");
        ByteArrayOutputStream geo = new ByteArrayOutputStream();
        DATASET.writeGeoJson(mapper, geo, ITEMS);
        JsonNode fc = mapper.readTree(geo.toByteArray());
        assertEquals("FeatureCollection", fc.path("type").asText());
        assertEquals(OpenData.LICENCE_URL, fc.path("licence").path("url").asText());
        assertEquals(7.26, fc.path("features").get(0).path("geometry").path("coordinates").get(0).asDouble());
        assertTrue(fc.path("features").get(1).path("geometry").isNull());
    }

    @Test
    void aDownloadCarriesTheLicenceAndRevalidates() {
        Response first = DATASET.csv(null, ITEMS);
        assertEquals(200, first.getStatus());
        assertEquals(OpenData.LINK_HEADER_VALUE, first.getHeaderString("Link"));
        assertTrue(first.getHeaderString(OpenData.LICENCE_HEADER).startsWith("etalab-2.0"));
        assertEquals("public, max-age=300", first.getHeaderString("Cache-Control"));
        String etag = first.getHeaderString("ETag");
        Response again = DATASET.csv(etag, ITEMS);
        assertEquals(304, again.getStatus());
        assertNull(again.getEntity());
        assertEquals(etag, again.getHeaderString("ETag"));
        assertEquals(OpenData.LINK_HEADER_VALUE, again.getHeaderString("Link"));
    }
}
