package fr.sudia.directory.observability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.platform.outbox.Outbox;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.PrometheusMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The outbox lag an operator watches: events held back while Kafka is away, and for how long. */
@QuarkusTest
class OutboxBacklogMetricsTest {

    private static final String PENDING = "sudia_outbox_pending";
    private static final String OLDEST_AGE = "sudia_outbox_oldest_pending_age_seconds";

    @Inject
    Outbox outbox;

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Test
    void theBacklogGaugesRiseWhileKafkaIsDownAndFallBackOnceItReturns() {
        await().atMost(Duration.ofSeconds(60)).until(() -> PrometheusMetrics.scrape().value(PENDING) == 0);
        broker.stop();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 3; i++) {
                    outbox.publish("test.backlog.v1", "fr.sudia.test.held", UUID.randomUUID().toString(), Map.of("i", i));
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> PrometheusMetrics.scrape().value(PENDING) == 3);
            double firstAge = PrometheusMetrics.scrape().value(OLDEST_AGE);
            assertTrue(firstAge > 0, "the oldest held event has an age: " + firstAge);
            await().atMost(Duration.ofSeconds(10)).until(() -> PrometheusMetrics.scrape().value(OLDEST_AGE) > firstAge + 1);
        } finally {
            broker.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> PrometheusMetrics.scrape().value(PENDING) == 0);
        assertEquals(0, PrometheusMetrics.scrape().value(OLDEST_AGE));
    }
}
