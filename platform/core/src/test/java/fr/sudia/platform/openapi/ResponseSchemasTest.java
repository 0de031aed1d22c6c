package fr.sudia.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

class ResponseSchemasTest {

    @Test
    void whatAResponseAlwaysCarriesBecomesRequiredWhatMayBeNullStaysOptional() {
        OpenAPI openAPI = document();
        new ResponseSchemas().filterOpenAPI(openAPI);
        Schema page = openAPI.getComponents().getSchemas().get("EventPage");
        assertEquals(List.of("items"), page.getRequired(), "nextCursor may be null");
        Schema event = openAPI.getComponents().getSchemas().get("Event");
        assertEquals(List.of("id", "title", "allDay", "tags", "venue"), event.getRequired());
        assertEquals("An event", event.getDescription(), "the description is kept");
    }

    @Test
    void aSchemaSharedWithARequestBodyKeepsItsRequestSideListAndSaysSo() {
        OpenAPI openAPI = document();
        new ResponseSchemas().filterOpenAPI(openAPI);
        Schema venue = openAPI.getComponents().getSchemas().get("Venue");
        assertEquals(List.of("city"), venue.getRequired());
        assertTrue(venue.getDescription().startsWith("Where it takes place. "), venue.getDescription());
        assertTrue(venue.getDescription().endsWith(ResponseSchemas.SHARED_NOTE), venue.getDescription());
        // Request-only schemas are untouched.
        assertNull(openAPI.getComponents().getSchemas().get("EventInput").getRequired());
        // Run twice (a document filtered again), the note is not repeated.
        new ResponseSchemas().filterOpenAPI(openAPI);
        assertEquals(venue.getDescription().indexOf(ResponseSchemas.SHARED_NOTE),
                venue.getDescription().lastIndexOf(ResponseSchemas.SHARED_NOTE));
    }

    @Test
    void aSchemaThatNamesItsRequiredPropertiesHasDecided() {
        OpenAPI openAPI = document();
        openAPI.getComponents().getSchemas().get("Event").setRequired(List.of("id"));
        new ResponseSchemas().filterOpenAPI(openAPI);
        assertEquals(List.of("id"), openAPI.getComponents().getSchemas().get("Event").getRequired());
    }

    private static OpenAPI document() {
        Schema venue = OASFactory.createSchema().addType(SchemaType.OBJECT).description("Where it takes place")
                .addProperty("name", nullable(SchemaType.STRING))
                .addProperty("city", type(SchemaType.STRING))
                .required(new java.util.ArrayList<>(List.of("city")));
        Schema event = OASFactory.createSchema().addType(SchemaType.OBJECT).description("An event")
                .addProperty("id", type(SchemaType.STRING))
                .addProperty("title", type(SchemaType.STRING))
                .addProperty("allDay", type(SchemaType.BOOLEAN))
                .addProperty("tags", type(SchemaType.ARRAY).items(type(SchemaType.STRING)))
                .addProperty("titleEn", nullable(SchemaType.STRING))
                .addProperty("organizer", OASFactory.createSchema().anyOf(List.of(
                        OASFactory.createSchema().ref("Organizer"), type(SchemaType.NULL))))
                .addProperty("venue", OASFactory.createSchema().ref("Venue"));
        Schema page = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("items", type(SchemaType.ARRAY).items(OASFactory.createSchema().ref("Event")))
                .addProperty("nextCursor", nullable(SchemaType.STRING));
        Schema input = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("title", type(SchemaType.STRING))
                .addProperty("venue", OASFactory.createSchema().ref("Venue"));
        Schema organizer = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("name", type(SchemaType.STRING));
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema("Venue", venue).addSchema("Event", event).addSchema("EventPage", page)
                        .addSchema("EventInput", input).addSchema("Organizer", organizer))
                .paths(OASFactory.createPaths()
                        .addPathItem("/api/v1/events", OASFactory.createPathItem()
                                .GET(OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                                        .addAPIResponse("200", OASFactory.createAPIResponse().content(json("EventPage")))))
                                .POST(OASFactory.createOperation()
                                        .requestBody(OASFactory.createRequestBody().content(json("EventInput")))
                                        .responses(OASFactory.createAPIResponses().addAPIResponse("201",
                                                OASFactory.createAPIResponse().content(json("Event")))))));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content json(String schema) {
        return OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema)));
    }

    private static Schema type(SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }

    private static Schema nullable(SchemaType type) {
        return OASFactory.createSchema().addType(type).addType(SchemaType.NULL);
    }
}
