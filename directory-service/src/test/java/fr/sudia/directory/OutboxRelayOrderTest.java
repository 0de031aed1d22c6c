package fr.sudia.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.sudia.platform.outbox.Outbox;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The platform's outbox relay, hosted by this service: the events of one aggregate keep their order. */
@QuarkusTest
class OutboxRelayOrderTest {

    private static final String TOPIC = "test.outbox-order.v1";

    @Inject
    Outbox outbox;

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Test
    void eventsOfEachAggregateArriveInTheOrderTheyWereWritten() {
        List<String> aggregates = List.of(id(), id(), id(), id(), id());
        Map<String, List<Integer>> written = new LinkedHashMap<>();
        // Interleaved writes over several transactions, as concurrent business changes would make them.
        for (int round = 0; round < 4; round++) {
            int base = round * 10;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int step = 0; step < 10; step++) {
                    String aggregate = aggregates.get((base + step) % aggregates.size());
                    int sequence = base + step;
                    outbox.publish(TOPIC, "fr.sudia.test.step", aggregate, Map.of("step", sequence));
                    written.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(sequence);
                }
            });
        }

        List<ConsumerRecord<String, String>> records = new KafkaTestClient(broker)
                .readUntil(TOPIC, Duration.ofSeconds(60), read -> read.stream().map(r -> new String(r.headers().lastHeader("ce_id").value(),
                        StandardCharsets.UTF_8)).distinct().count() >= 40);

        // A relay retry may deliver an event twice; consumers keep its first delivery (by ce_id), and so does this.
        Set<String> seen = new HashSet<>();
        Map<String, List<Integer>> received = new LinkedHashMap<>();
        records.stream().filter(record -> seen.add(new String(record.headers().lastHeader("ce_id").value(),
                StandardCharsets.UTF_8))).forEach(record -> received.computeIfAbsent(record.key(), a -> new ArrayList<>())
                        .add(Integer.parseInt(record.value().replaceAll("\\D", ""))));
        for (String aggregate : aggregates) {
            assertEquals(written.get(aggregate), received.get(aggregate), "events of aggregate " + aggregate);
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
