package fr.sudia.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

/**
 * What every service of the platform promises ops and front-end teams, checked against the running
 * application: extend it in a {@code @QuarkusTest} class of the service.
 */
public abstract class ServiceContractTest {

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

    @Test
    void answersUnknownRoutesWithAProblemNotAStackTrace() {
        given().when().get("/api/v1/does-not-exist")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body(not(containsString("Exception")));
    }
}
