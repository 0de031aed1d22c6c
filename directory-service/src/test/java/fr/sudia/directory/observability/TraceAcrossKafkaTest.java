package fr.sudia.directory.observability;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.sudia.directory.organization.OrganizationRegistry;
import fr.sudia.platform.outbox.Outbox;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * A trace follows a change from the HTTP request that made it, through the outbox (the relay publishes later,
 * on another thread), to Kafka and into a consumer: ops see one trace, not three.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
class TraceAcrossKafkaTest {

    private static final String LABEL_TOPIC = "label.labels.v1";

    @Inject
    InMemorySpanExporter spans;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    Outbox outbox;

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @BeforeEach
    void forgetEarlierSpans() {
        spans.reset();
    }

    @Test
    void theEventOfARequestCarriesTheRequestsTraceInItsTraceparentHeader() {
        String traceId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String callerSpanId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

        String id = given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType("application/json")
                .body("{\"name\":\"Traced " + UUID.randomUUID() + "\",\"kind\":\"STARTUP\",\"city\":\"Nice\"}")
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record = new KafkaTestClient(broker).readUntil(OrganizationRegistry.TOPIC,
                Duration.ofSeconds(60), read -> read.stream().anyMatch(r -> id.equals(r.key())))
                .stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();

        String[] traceparent = header(record, "traceparent").split("-");
        assertEquals(traceId, traceparent[1], "the record continues the caller's trace");
        assertNotEquals(callerSpanId, traceparent[2], "its parent is the relay's publish span, not the caller");

        await().atMost(Duration.ofSeconds(20)).until(() -> find(traceId, SpanKind.PRODUCER).isPresent()
                && find(traceId, SpanKind.SERVER).isPresent());
        SpanData publish = find(traceId, SpanKind.PRODUCER).orElseThrow();
        assertEquals(traceparent[2], publish.getSpanId());
        assertEquals(OrganizationRegistry.TOPIC + " publish", publish.getName());
        assertEquals(callerSpanId, find(traceId, SpanKind.SERVER).orElseThrow().getParentSpanId(),
                "the request's span is the caller's child");
    }

    @Test
    void aConsumersSpanJoinsTheTraceOfTheProducer() {
        Span change = openTelemetry.getTracer("test").spanBuilder("label decided").startSpan();
        String traceId = change.getSpanContext().getTraceId();
        try (Scope ignored = change.makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(LABEL_TOPIC, "fr.sudia.test.traced",
                    UUID.randomUUID().toString(), Map.of("traced", true)));
        } finally {
            change.end();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> find(traceId, SpanKind.CONSUMER).isPresent());
        SpanData publish = find(traceId, SpanKind.PRODUCER).orElseThrow();
        SpanData consume = find(traceId, SpanKind.CONSUMER).orElseThrow();
        assertEquals(change.getSpanContext().getSpanId(), publish.getParentSpanId());
        assertEquals(publish.getSpanId(), consume.getParentSpanId(), "the consumer continues the publish span");
        assertTrue(consume.getName().contains(LABEL_TOPIC), consume.getName());
    }

    private Optional<SpanData> find(String traceId, SpanKind kind) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream().filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind).findFirst();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, name + " header");
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
