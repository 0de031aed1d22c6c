package fr.sudia.label;

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

import fr.sudia.label.support.Fixtures;
import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;

@QuarkusTest
class LabelServiceContractTest extends ServiceContractTest {

    @Override
    protected Method adminOnlyMethod() {
        return Method.GET;
    }

    @Override
    protected String adminOnlyPath() {
        return "/api/v1/audit";
    }

    @Override
    protected Response createWithHost(String host) {
        UUID organization = Fixtures.knownOrganization("Host check", "Nice");
        return given().header("Host", host).auth().oauth2(Fixtures.member(organization)).contentType(ContentType.JSON)
                .body(Fixtures.form(organization, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), Fixtures.fullAnswers()))
                .when().post("/api/v1/applications");
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
