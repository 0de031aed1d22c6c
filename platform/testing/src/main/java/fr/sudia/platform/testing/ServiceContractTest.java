package fr.sudia.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.security.Roles;
import io.restassured.http.Method;
import io.restassured.response.Response;

/**
 * What every service of the platform promises ops and front-end teams, checked against the running
 * application: extend it in a {@code @QuarkusTest} class of the service.
 */
public abstract class ServiceContractTest {

    /** A request only an authenticated admin may make: the service answers it with neither 401 nor 403. */
    protected abstract Method adminOnlyMethod();

    /** The path of that request (a missing object is fine: only authentication is checked). */
    protected abstract String adminOnlyPath();

    /**
     * Makes a request that creates something (201 or 202 with a Location), sending the given Host header (e.g.
     * {@code given().header("Host", host)...post(...)}).
     */
    protected abstract Response createWithHost(String host);

    @Test
    void theLocationOfACreatedResourceNeverComesFromTheHostHeader() {
        Response created = createWithHost("evil.example");
        assertTrue(created.statusCode() == 201 || created.statusCode() == 202, "created: " + created.statusCode());
        String location = created.header("Location");
        assertTrue(location != null && location.startsWith("/api/v1/"), "a relative Location: " + location);
        assertTrue(!location.contains("evil.example"), location);
        // The relative Location leads to what was created.
        given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).when().get(location).then().statusCode(200);
    }

    @Test
    void acceptsOnlyTokensMeantForThePlatformAudience() {
        int admin = given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).when().request(adminOnlyMethod(), adminOnlyPath())
                .then().extract().statusCode();
        assertTrue(admin != 401 && admin != 403, "an admin token with audience " + DevTokens.AUDIENCE + " got " + admin);
        for (String audience : new String[] { "another-api", null }) {
            given().auth().oauth2(DevTokens.forAudience(Roles.ADMIN, audience)).when().request(adminOnlyMethod(), adminOnlyPath())
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void isReadyOnlyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // Kubernetes' startup probe.
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesPrometheusMetricsIncludingTheOutboxBacklog() {
        given().when().get("/api/v1/does-not-exist").then().statusCode(404);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("sudia_outbox_pending{"))
                .body(containsString("sudia_outbox_oldest_pending_age_seconds{"))
                .body(containsString("sudia_events_dead_lettered_total{"))
                // Latency buckets, so that Prometheus can compute the p99 of every service.
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", notNullValue())
                .body("info.title", containsString("Sud IA"))
                .body("info.license.name", notNullValue());
    }

    /**
     * Every operation is named, summarised and documents its error responses, each with an example; the document is left in
     * {@code target/openapi.json} for Redocly's lint (deploy/openapi).
     */
    @Test
    void everyOperationHasAnIdASummaryAndErrorResponses() throws Exception {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Files.writeString(Path.of("target", "openapi.json"), document, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(document);
        JsonNode paths = root.get("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode op = operation.getValue();
            String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            if (!op.hasNonNull("operationId") || !op.hasNonNull("summary")) {
                missing.add(name + " lacks an operationId or a summary");
            }
            boolean hasError = false;
            for (var responses = op.path("responses").fields(); responses.hasNext();) {
                var response = responses.next();
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    hasError |= response.getKey().startsWith("4");
                    if (!hasExample(resolve(root, response.getValue()))) {
                        missing.add(name + " " + response.getKey() + " has no example");
                    }
                }
            }
            if (!hasError) {
                missing.add(name + " documents no error response");
            }
        }));
        assertEquals(List.of(), missing);
    }

    private static boolean hasExample(JsonNode response) {
        for (JsonNode media : response.path("content")) {
            if (media.has("example") || media.path("examples").size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** A response, parameter or schema with its {@code $ref} (within the document) followed. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref") && current.get("$ref").asText().startsWith("#/"); hops++) {
            JsonNode target = document;
            for (String part : current.get("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }

    /**
     * Front-end teams generate clients from the document (clients/typescript): a request or response body with
     * properties is a named schema (no anonymous inline object, whose generated type would have no name), and every
     * enum (a named one, a property's or a parameter's) names each of its values in its description (what it means,
     * in French and English).
     */
    @Test
    void everyBodyIsANamedSchemaAndEveryEnumDocumentsItsValues() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> problems = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            List<JsonNode> bodies = new ArrayList<>();
            operation.getValue().path("requestBody").path("content").forEach(bodies::add);
            operation.getValue().path("responses").forEach(response -> response.path("content").forEach(bodies::add));
            for (JsonNode body : bodies) {
                JsonNode schema = body.path("schema");
                JsonNode inline = schema.has("items") ? schema.get("items") : schema;
                if (!inline.has("$ref") && inline.has("properties")) {
                    problems.add(name + " has an anonymous inline object body");
                }
            }
        }));
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            undescribedValues("enum " + schema.getKey(), schema.getValue(), "", problems);
            schema.getValue().path("properties").fields().forEachRemaining(property -> undescribedValues(
                    "enum " + schema.getKey() + "." + property.getKey(), property.getValue(), "", problems));
        });
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            for (JsonNode parameter : operation.getValue().path("parameters")) {
                JsonNode resolved = resolve(document, parameter);
                undescribedValues("parameter " + resolved.path("name").asText() + " of " + operation.getKey()
                        .toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), resolved.path("schema"),
                        resolved.path("description").asText(""), problems);
            }
        }));
        assertEquals(List.of(), problems);
    }

    /**
     * An inline enum (of a schema, of one of its properties or of an array's items, or of a parameter) whose
     * description (or {@code around}, a parameter's) does not name each of its values.
     */
    private static void undescribedValues(String what, JsonNode schema, String around, List<String> problems) {
        JsonNode values = schema.has("enum") ? schema.get("enum") : schema.path("items").path("enum");
        String description = around + " " + schema.path("description").asText("") + " "
                + schema.path("items").path("description").asText("");
        for (JsonNode value : values) {
            if (!value.isNull() && !description.contains(value.asText())) {
                problems.add(what + " does not describe its value " + value.asText());
            }
        }
    }

    @Test
    void answersUnknownRoutesWithAProblemNotAStackTrace() {
        given().when().get("/api/v1/does-not-exist")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body(not(containsString("Exception")));
    }
}
