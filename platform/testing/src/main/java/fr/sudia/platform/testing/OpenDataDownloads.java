package fr.sudia.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import fr.sudia.platform.opendata.OpenData;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * What every open-data download must show a client: 200 with the licence headers and caching, 304 on revalidation,
 * and a body that parses (CSV with commons-csv, every row as wide as the header and no cell a spreadsheet would run;
 * JSON with the dataset's metadata and licence; GeoJSON as a FeatureCollection of Points or null geometries).
 */
public final class OpenDataDownloads {

    private OpenDataDownloads() {
    }

    private static ExtractableResponse<Response> download(String path, String mediaType) {
        ExtractableResponse<Response> response = given().when().get(path).then().statusCode(200)
                .contentType(startsWith(mediaType))
                .header("Link", equalTo(OpenData.LINK_HEADER_VALUE))
                .header(OpenData.LICENCE_HEADER, startsWith(OpenData.LICENCE_ID))
                .header("Cache-Control", containsString("max-age"))
                .extract();
        String etag = response.header("ETag");
        assertNotNull(etag, path + " has an ETag");
        given().header("If-None-Match", etag).when().get(path).then().statusCode(304)
                .header("Link", equalTo(OpenData.LINK_HEADER_VALUE));
        return response;
    }

    /** The CSV download's records, by header name. */
    public static List<CSVRecord> csv(String path, List<String> header) {
        String body = download(path, "text/csv").asString();
        try {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body));
            assertEquals(header, parser.getHeaderNames(), path + " header");
            List<CSVRecord> records = parser.getRecords();
            for (CSVRecord record : records) {
                assertTrue(record.isConsistent(), path + ": a row as wide as the header: " + record);
                for (String cell : record) {
                    assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || cell.matches("-?[0-9.]+(E-?[0-9]+)?"),
                            path + ": a cell a spreadsheet would run: " + cell);
                    assertTrue(cell.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t'), path + ": a control character");
                }
            }
            return records;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON download, its metadata and licence checked. */
    public static JsonPath json(String path) {
        JsonPath json = download(path, "application/json").jsonPath();
        assertEquals(OpenData.LICENCE_ID, json.getString("licence.id"), path);
        assertEquals(OpenData.LICENCE_URL, json.getString("licence.url"), path);
        assertFalse(json.getString("title.fr").isBlank(), path);
        assertFalse(json.getString("title.en").isBlank(), path);
        assertNotNull(json.getList("items"), path);
        return json;
    }

    /** The GeoJSON download: an RFC 7946 FeatureCollection with the licence among its foreign members. */
    public static JsonPath geoJson(String path) {
        JsonPath json = download(path, "application/geo+json").jsonPath();
        assertEquals("FeatureCollection", json.getString("type"), path);
        assertEquals(OpenData.LICENCE_ID, json.getString("licence.id"), path);
        List<Map<String, Object>> features = json.getList("features");
        assertNotNull(features, path);
        for (Map<String, Object> feature : features) {
            assertEquals("Feature", feature.get("type"), path);
            assertTrue(feature.containsKey("properties"), path);
            Object geometry = feature.get("geometry");
            if (geometry != null) {
                Map<?, ?> point = (Map<?, ?>) geometry;
                assertEquals("Point", point.get("type"), path);
                List<?> coordinates = (List<?>) point.get("coordinates");
                assertEquals(2, coordinates.size(), path);
                double longitude = ((Number) coordinates.get(0)).doubleValue();
                double latitude = ((Number) coordinates.get(1)).doubleValue();
                assertTrue(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90, path);
            }
        }
        return json;
    }
}
