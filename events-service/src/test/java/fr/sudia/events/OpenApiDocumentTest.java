package fr.sudia.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Writes the OpenAPI document to target/openapi.json, for Redocly's lint (deploy/openapi). */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theDocumentDescribesTheEventsAndTheFeeds() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/events/v1/events"))
                .body("paths", hasKey("/feeds/events.ics"))
                .extract().asString();
        Files.writeString(Path.of("target", "openapi.json"), document, StandardCharsets.UTF_8);
    }
}
