package fr.sudia.impact.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** The DCAT-AP catalogue, read as a JSON-LD processor (Titanium) expands it, as a harvester does. */
@QuarkusTest
class OpenDataCatalogTest {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String LICENCE = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    @Test
    void theCatalogueIsJsonLdListingEveryDatasetWithItsLicenceAndDownloadUrls() throws Exception {
        String body = given().when().get("/api/v1/open-data/catalog.jsonld").then().statusCode(200)
                .contentType(startsWith("application/ld+json"))
                .header("Link", equalTo("<" + LICENCE + ">; rel=\"license\""))
                .header("X-License", startsWith("etalab-2.0"))
                .header("Cache-Control", containsString("max-age"))
                .extract().asString();

        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(body))).get();
        JsonObject catalog = expanded.stream().map(JsonValue::asJsonObject)
                .filter(node -> types(node).contains(DCAT + "Catalog")).findFirst().orElseThrow();
        assertEquals(LICENCE, catalog.getJsonArray(DCT + "license").getJsonObject(0).getString("@id"));
        assertTrue(texts(catalog, DCT + "title").containsAll(Set.of("fr", "en")));

        JsonArray datasets = catalog.getJsonArray(DCAT + "dataset");
        Set<String> identifiers = new HashSet<>();
        Set<String> urls = new HashSet<>();
        for (JsonValue value : datasets) {
            JsonObject dataset = value.asJsonObject();
            assertTrue(types(dataset).contains(DCAT + "Dataset"), dataset.toString());
            identifiers.add(dataset.getJsonArray(DCT + "identifier").getJsonObject(0).getString("@value"));
            assertTrue(texts(dataset, DCT + "title").containsAll(Set.of("fr", "en")), dataset.toString());
            assertTrue(texts(dataset, DCT + "description").containsAll(Set.of("fr", "en")), dataset.toString());
            assertEquals(LICENCE, dataset.getJsonArray(DCT + "license").getJsonObject(0).getString("@id"));
            assertTrue(dataset.containsKey(DCT + "publisher"));
            Set<String> mediaTypes = new HashSet<>();
            for (JsonValue d : dataset.getJsonArray(DCAT + "distribution")) {
                JsonObject distribution = d.asJsonObject();
                String url = distribution.getJsonArray(DCAT + "downloadURL").getJsonObject(0).getString("@id");
                assertTrue(url.startsWith("http://localhost:8080/api/"), url);
                urls.add(url);
                mediaTypes.add(distribution.getJsonArray(DCAT + "mediaType").getJsonObject(0).getString("@id"));
            }
            assertTrue(mediaTypes.contains("http://www.iana.org/assignments/media-types/text/csv"), dataset.toString());
            assertTrue(mediaTypes.contains("http://www.iana.org/assignments/media-types/application/json"), dataset.toString());
        }
        assertEquals(Set.of("sud-ia-organizations", "sud-ia-solutions", "sud-ia-trainings", "sud-ia-events",
                "sud-ia-funding-schemes", "sud-ia-funding-deadlines", "sud-ia-labels", "sud-ia-indicators"), identifiers);
        assertTrue(urls.contains("http://localhost:8080/api/directory/v1/exports/organizations.geojson"));
        assertTrue(urls.contains("http://localhost:8080/api/events/v1/open-data/events.geojson"));
        assertTrue(urls.contains("http://localhost:8080/api/impact/v1/open-data/indicators.csv"));
        assertFalse(urls.isEmpty());
    }

    @Test
    void theCatalogueRevalidates() {
        String etag = given().when().get("/api/v1/open-data/catalog.jsonld").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/open-data/catalog.jsonld").then().statusCode(304)
                .header("Link", containsString("rel=\"license\""));
    }

    @Test
    void theIndicatorsDownloadsCarryTheLicenceHeaders() {
        for (String path : new String[] { "/api/v1/open-data/indicators.csv", "/api/v1/open-data/indicators.json" }) {
            given().when().get(path).then().statusCode(200)
                    .header("Link", equalTo("<" + LICENCE + ">; rel=\"license\""))
                    .header("X-License", startsWith("etalab-2.0"));
        }
    }

    private static Set<String> types(JsonObject node) {
        Set<String> types = new HashSet<>();
        if (node.containsKey("@type")) {
            node.getJsonArray("@type").forEach(t -> types.add(((jakarta.json.JsonString) t).getString()));
        }
        return types;
    }

    private static Set<String> texts(JsonObject node, String property) {
        Set<String> languages = new HashSet<>();
        node.getJsonArray(property).forEach(v -> languages.add(v.asJsonObject().getString("@language")));
        return languages;
    }
}
