package fr.sudia.directory.observability;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import fr.sudia.platform.testing.PrometheusMetrics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Grafana dashboard ops import ({@code deploy/observability/grafana/sudia-dashboard.json}) queries metrics
 * this service really exposes, under the names and labels it uses; and the dead-letter count moves.
 */
@QuarkusTest
class DashboardMetricsTest {

    private static final Path DASHBOARD = Path.of("../deploy/observability/grafana/sudia-dashboard.json");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    private static final String DEAD_LETTERED = "sudia_events_dead_lettered_total";

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Test
    void aPoisonRecordIsCountedAsDeadLettered() {
        String channel = "channel=\"label-labels\"";
        double before = PrometheusMetrics.scrape().sum(DEAD_LETTERED, channel);
        String key = UUID.randomUUID().toString();

        new KafkaTestClient(broker).send(new ProducerRecord<>("label.labels.v1", key, "not a CloudEvent"));

        await().atMost(Duration.ofSeconds(60)).until(() -> PrometheusMetrics.scrape().sum(DEAD_LETTERED, channel) == before + 1);
        assertTrue(new KafkaTestClient(broker).readUntil("label.labels.v1.dlq", Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> key.equals(r.key()))).stream().anyMatch(r -> key.equals(r.key())));
    }

    @Test
    void everyPanelQueriesMetricsThisServiceExposes() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Map<String, List<String>> metricsByPanel = new LinkedHashMap<>();
        for (JsonNode panel : dashboard.get("panels")) {
            List<String> names = new ArrayList<>();
            for (JsonNode target : panel.get("targets")) {
                SELECTOR.matcher(target.get("expr").asText()).results().forEach(m -> names.add(m.group(1)));
            }
            assertFalse(names.isEmpty(), "panel " + panel.get("title") + " queries no metric");
            metricsByPanel.put(panel.get("title").asText(), names);
        }
        assertEquals(List.of("Request rate", "Latency p99", "Error rate", "Outbox lag", "Consumer lag", "Dead-lettered events"),
                List.copyOf(metricsByPanel.keySet()));

        given().get("/api/v1/organizations").then().statusCode(200);
        // The consumer's client metrics appear once it has joined its group.
        await().atMost(Duration.ofSeconds(60)).until(() -> PrometheusMetrics.scrape().names()
                .contains("kafka_consumer_fetch_manager_records_lag_max"));

        PrometheusMetrics metrics = PrometheusMetrics.scrape();
        metricsByPanel.forEach((panel, names) -> names.forEach(name -> {
            assertTrue(metrics.names().contains(name), "panel '" + panel + "' queries " + name + ", not exposed");
            // Every panel filters on the application label.
            metrics.sum(name, "application=\"directory-service\"");
        }));
    }
}
