package fr.sudia.platform.opendata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents what every open-data download answers alike ({@link OpenDataset}, {@link OpenData#download}), so that a
 * service's download operation declares only what is its own (path, description, example): the licence, ETag and
 * Cache-Control headers of its 200, the 304 on If-None-Match, the gateway's 429 and, for JSON and GeoJSON, the named
 * schemas of the envelope ({@code OpenDataDownload}) and of the FeatureCollection ({@code OpenDataFeatureCollection}).
 *
 * <p>A download operation says what it is with {@code @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "csv")}
 * ({@code json}, {@code geojson}); the extension is taken out of the published document.
 */
public class OpenDataDocumentation implements OASFilter {

    static final String DOWNLOAD = "OpenDataDownload";
    static final String FEATURE_COLLECTION = "OpenDataFeatureCollection";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        java.util.Set<String> formats = new java.util.HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            Object format = marker(operation);
            if (format != null) {
                document(operation, String.valueOf(format));
                formats.add(String.valueOf(format));
            }
        }));
        if (formats.contains("json") || formats.contains("geojson")) {
            addSchemas(openAPI, formats);
        }
    }

    /** The download's format, its marker taken out (SmallRye puts a method's extension on its operation or its responses). */
    private static Object marker(Operation operation) {
        Object format = null;
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(OpenData.DOWNLOAD_EXTENSION)) {
            format = operation.getExtensions().get(OpenData.DOWNLOAD_EXTENSION);
            operation.removeExtension(OpenData.DOWNLOAD_EXTENSION);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                if (response.getExtensions() != null && response.getExtensions().containsKey(OpenData.DOWNLOAD_EXTENSION)) {
                    format = format != null ? format : response.getExtensions().get(OpenData.DOWNLOAD_EXTENSION);
                    response.removeExtension(OpenData.DOWNLOAD_EXTENSION);
                }
            }
        }
        return format;
    }

    private static void document(Operation operation, String format) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null) {
            header(ok, "Link", "The licence, as an RFC 8288 link", OpenData.LINK_HEADER_VALUE);
            header(ok, OpenData.LICENCE_HEADER, "The licence: its identifier, name and address", OpenData.LICENCE_HEADER_VALUE);
            header(ok, "ETag", "The version of the download: send it in If-None-Match to get a 304 while it is current",
                    "\"5d41402abc4b2a76b9719d911017c592\"");
            header(ok, "Cache-Control", "How long it may be kept before revalidating", "public, max-age=" + OpenData.MAX_AGE_SECONDS);
            String schema = switch (format) {
                case "json" -> DOWNLOAD;
                case "geojson" -> FEATURE_COLLECTION;
                default -> null;
            };
            if (schema != null && ok.getContent() != null && ok.getContent().getMediaTypes() != null) {
                for (MediaType media : ok.getContent().getMediaTypes().values()) {
                    media.setSchema(OASFactory.createSchema().ref(schema));
                    if (media.getExamples() != null) {
                        media.getExamples().values().forEach(example -> example.setValue(withPublisherAndLicence(example.getValue())));
                    }
                }
            }
        }
        if (responses.getAPIResponse("304") == null) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified since the ETag sent in If-None-Match"));
        }
        if (responses.getAPIResponse("429") == null) {
            responses.addAPIResponse("429", OASFactory.createAPIResponse().ref("TooManyRequests"));
        }
    }

    /**
     * An example download with the publisher and the licence every download carries alike (its own dataset, title,
     * description and items are the operation's to give), in the order they are written.
     */
    private static Object withPublisherAndLicence(Object example) {
        if (!(example instanceof Map<?, ?> given)) {
            return example;
        }
        Map<Object, Object> complete = new LinkedHashMap<>();
        for (String key : List.of("type", "dataset", "title", "description")) {
            if (given.containsKey(key)) {
                complete.put(key, given.get(key));
            }
        }
        complete.put("publisher", OpenData.PUBLISHER);
        complete.put("licence", Map.of("id", OpenData.LICENCE_ID, "name", OpenData.LICENCE_NAME, "url", OpenData.LICENCE_URL));
        given.forEach(complete::putIfAbsent);
        return complete;
    }

    private static void header(APIResponse response, String name, String description, String example) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            Header header = OASFactory.createHeader().description(description).example(example)
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING));
            response.addHeader(name, header);
        }
    }

    /** The named schemas of the JSON and GeoJSON downloads, only those the document uses (Redocly: no unused component). */
    private static void addSchemas(OpenAPI openAPI, java.util.Set<String> formats) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("OpenDataText", object("A text in French and in English")
                .addProperty("fr", string("In French")).addProperty("en", string("In English")));
        components.addSchema("OpenDataLicence", object("The licence of a dataset")
                .addProperty("id", string("Its identifier").examples(List.of(OpenData.LICENCE_ID)))
                .addProperty("name", string("Its name").examples(List.of(OpenData.LICENCE_NAME)))
                .addProperty("url", string("Its text").examples(List.of(OpenData.LICENCE_URL))));
        if (formats.contains("json")) {
            components.addSchema(DOWNLOAD, metadata(object("A dataset's JSON download: its metadata and licence, and its items "
                    + "as the API shows them"))
                    .addProperty("items", OASFactory.createSchema().addType(SchemaType.ARRAY).description("The items")
                            .items(OASFactory.createSchema().addType(SchemaType.OBJECT))));
        }
        if (!formats.contains("geojson")) {
            return;
        }
        components.addSchema("OpenDataFeature", object("One item of a dataset as an RFC 7946 Feature")
                .addProperty("type", string("Always `Feature`"))
                .addProperty("id", string("The item's identifier"))
                .addProperty("geometry", OASFactory.createSchema().addType(SchemaType.OBJECT).addType(SchemaType.NULL)
                        .description("A Point [longitude, latitude] (WGS 84), null where the item has no position"))
                .addProperty("properties", OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .description("The item as the API shows it")));
        components.addSchema(FEATURE_COLLECTION, metadata(object("A dataset's GeoJSON download: an RFC 7946 "
                + "FeatureCollection whose foreign members carry the dataset's metadata and licence"))
                .addProperty("type", string("Always `FeatureCollection`"))
                .addProperty("features", OASFactory.createSchema().addType(SchemaType.ARRAY).description("The items")
                        .items(OASFactory.createSchema().ref("OpenDataFeature"))));
    }

    /** The metadata properties every JSON and GeoJSON download carries ({@link OpenDataset#writeMetadata}). */
    private static Schema metadata(Schema schema) {
        return schema.addProperty("dataset", string("The dataset's identifier, its downloads' file name"))
                .addProperty("title", OASFactory.createSchema().ref("OpenDataText"))
                .addProperty("description", OASFactory.createSchema().ref("OpenDataText"))
                .addProperty("publisher", string("Who publishes it").examples(List.of(OpenData.PUBLISHER)))
                .addProperty("licence", OASFactory.createSchema().ref("OpenDataLicence"));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description(description);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
