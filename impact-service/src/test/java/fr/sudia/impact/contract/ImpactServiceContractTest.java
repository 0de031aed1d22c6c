package fr.sudia.impact.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;

@QuarkusTest
class ImpactServiceContractTest extends ServiceContractTest {

    @Override
    protected Method adminOnlyMethod() {
        return Method.GET;
    }

    @Override
    protected String adminOnlyPath() {
        return "/api/v1/rebuilds/" + UUID.randomUUID();
    }

    @Override
    protected Response createWithHost(String host) {
        String id = "host-" + UUID.randomUUID().toString().substring(0, 8);
        return given().header("Host", host).auth().oauth2(DevTokens.forRole(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "name": {"fr": "Lauréats", "en": "Laureates"},
                         "definition": {"fr": "Lauréats des appels", "en": "Laureates of the calls"},
                         "planMeasures": [5], "unit": "laureates",
                         "computation": {"metric": "calls.laureates", "aggregation": "SUM"}, "breakdowns": ["year"]}"""
                        .formatted(id))
                .when().post("/api/v1/indicators");
    }

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
            if (!op.isObject() || !op.has("responses")) {
                return;
            }
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
