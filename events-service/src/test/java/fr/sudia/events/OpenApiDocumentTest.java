package fr.sudia.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The document shows the gateway's paths, the feeds included (ServiceContractTest writes it for the lint). */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theDocumentDescribesTheEventsAndTheFeeds() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/events/v1/events"))
                .body("paths", hasKey("/feeds/events.ics"));
    }
}
