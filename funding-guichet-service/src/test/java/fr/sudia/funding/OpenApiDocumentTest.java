package fr.sudia.funding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** Every operation is documented; the document is written to target/openapi.json for the Redocly lint. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyOperationHasAnIdASummaryAndErrorResponses() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target", "openapi.json"), document);
        JsonNode paths = new ObjectMapper().readTree(document).get("paths");
        List<String> missing = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode op = operation.getValue();
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            if (!op.has("operationId") || !op.has("summary")) {
                missing.add(name + " lacks operationId or summary");
            }
            boolean hasError = false;
            for (var codes = op.get("responses").fieldNames(); codes.hasNext();) {
                hasError |= codes.next().startsWith("4");
            }
            if (!hasError) {
                missing.add(name + " documents no error response");
            }
        }));
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }
}
