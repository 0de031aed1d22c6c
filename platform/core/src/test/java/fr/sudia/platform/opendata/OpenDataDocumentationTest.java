package fr.sudia.platform.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class OpenDataDocumentationTest {

    @Test
    void aMarkedDownloadGetsTheLicenceAndCachingHeadersThe304The429AndItsNamedSchema() {
        Operation json = download("json", OpenData.JSON);
        Operation csv = download("csv", OpenData.CSV);
        // SmallRye may put a method's extension on its response rather than its operation.
        csv.removeExtension(OpenData.DOWNLOAD_EXTENSION);
        csv.getResponses().getAPIResponse("200").addExtension(OpenData.DOWNLOAD_EXTENSION, "csv");
        Operation other = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("Other")));
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/x.json", OASFactory.createPathItem().GET(json))
                .addPathItem("/api/v1/x.csv", OASFactory.createPathItem().GET(csv))
                .addPathItem("/api/v1/other", OASFactory.createPathItem().GET(other)));

        new OpenDataDocumentation().filterOpenAPI(openAPI);

        for (Operation download : new Operation[] { json, csv }) {
            assertTrue(download.getExtensions() == null || !download.getExtensions().containsKey(OpenData.DOWNLOAD_EXTENSION),
                    "the marker is not published");
            APIResponse ok = download.getResponses().getAPIResponse("200");
            assertTrue(ok.getExtensions() == null || ok.getExtensions().isEmpty(), "nor on the response");
            assertEquals(OpenData.LINK_HEADER_VALUE, ok.getHeaders().get("Link").getExample());
            assertEquals(OpenData.LICENCE_HEADER_VALUE, ok.getHeaders().get(OpenData.LICENCE_HEADER).getExample());
            assertNotNull(ok.getHeaders().get("ETag"));
            assertNotNull(ok.getHeaders().get("Cache-Control"));
            assertNotNull(download.getResponses().getAPIResponse("304"));
            assertTrue(download.getResponses().getAPIResponse("429").getRef().endsWith("TooManyRequests"));
        }
        assertTrue(json.getResponses().getAPIResponse("200").getContent().getMediaType(OpenData.JSON).getSchema().getRef()
                .endsWith("/OpenDataDownload"));
        assertNull(csv.getResponses().getAPIResponse("200").getContent().getMediaType(OpenData.CSV).getSchema().getRef(),
                "CSV stays text");
        assertEquals(Map.of("200", other.getResponses().getAPIResponse("200")), other.getResponses().getAPIResponses(),
                "an unmarked operation is left alone");
        Object example = json.getResponses().getAPIResponse("200").getContent().getMediaType(OpenData.JSON).getExamples()
                .get("json").getValue();
        assertEquals(List.of("dataset", "title", "publisher", "licence", "items"), List.copyOf(((Map<?, ?>) example).keySet()),
                "the example gets the publisher and licence every download carries");
        assertEquals(OpenData.LICENCE_URL, ((Map<?, ?>) ((Map<?, ?>) example).get("licence")).get("url"));
        assertEquals(java.util.Set.of("OpenDataDownload", "OpenDataLicence", "OpenDataText"),
                openAPI.getComponents().getSchemas().keySet(), "only the schemas used: no GeoJSON download here");
    }

    private static Map<String, Object> example() {
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("dataset", "sud-ia-x");
        example.put("items", List.of());
        example.put("title", Map.of("fr", "X", "en", "X"));
        return example;
    }

    private static Operation download(String format, String mediaType) {
        var media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING))
                .addExample(format, OASFactory.createExample().value(example()));
        var ok = OASFactory.createAPIResponse().description("The dataset")
                .content(OASFactory.createContent().addMediaType(mediaType, media));
        return OASFactory.createOperation().addExtension(OpenData.DOWNLOAD_EXTENSION, format)
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", ok));
    }
}
