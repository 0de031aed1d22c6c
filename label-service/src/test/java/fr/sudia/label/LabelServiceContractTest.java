package fr.sudia.label;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LabelServiceContractTest extends ServiceContractTest {

    /** Writes target/openapi.json for the Redocly lint (see README) and checks every operation is named and summarised. */
    @Test
    void everyOperationHasAnIdASummaryAndErrorResponses() throws Exception {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Files.writeString(Path.of("target", "openapi.json"), document);
        List<String> missing = new ArrayList<>();
        JsonNode paths = new ObjectMapper().readTree(document).get("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode op = operation.getValue();
            if (!op.hasNonNull("operationId") || !op.hasNonNull("summary")) {
                missing.add(operation.getKey() + " " + path.getKey());
            }
            boolean hasError = false;
            for (var codes = op.path("responses").fieldNames(); codes.hasNext();) {
                hasError |= codes.next().startsWith("4");
            }
            if (!hasError) {
                missing.add("error responses of " + operation.getKey() + " " + path.getKey());
            }
        }));
        assertEquals(List.of(), missing);
    }
}
