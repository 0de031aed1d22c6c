package fr.sudia.funding;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;

/** Reads the CloudEvents the service published about one aggregate, on the real test broker. */
public final class Events {

    private Events() {
    }

    /** The events about {@code key}, once at least {@code count} of them arrived, in topic order. */
    public static List<ConsumerRecord<String, String>> about(EmbeddedKafkaBroker broker, String topic, String key, int count) {
        List<ConsumerRecord<String, String>> records = new KafkaTestClient(broker).readUntil(topic, Duration.ofSeconds(60),
                read -> read.stream().filter(r -> key.equals(r.key())).map(r -> header(r, "ce_id")).distinct().count() >= count);
        // A relay retry may deliver an event twice: consumers, like this helper, read each ce_id once.
        java.util.Set<String> seen = new java.util.HashSet<>();
        return records.stream().filter(r -> key.equals(r.key())).filter(r -> seen.add(header(r, "ce_id"))).toList();
    }

    public static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> header(r, "ce_type")).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
