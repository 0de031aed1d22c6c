package fr.sudia.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class KafkaCloudEventsTest {

    private final CloudEvent event = new CloudEvent("e-1", URI.create("urn:sud-ia:directory-service"),
            "fr.sudia.directory.organization.registered", "org-42", OffsetDateTime.parse("2026-02-12T09:00:00Z"),
            "{\"name\":\"Therapixel\"}");

    @Test
    void writesBinaryModeHeadersAndKeysByAggregate() {
        ProducerRecord<String, String> record = KafkaCloudEvents.toRecord("directory.organizations.v1", event);

        assertEquals("org-42", record.key());
        assertEquals("{\"name\":\"Therapixel\"}", record.value());
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("e-1", header(record, "ce_id"));
        assertEquals("urn:sud-ia:directory-service", header(record, "ce_source"));
        assertEquals("fr.sudia.directory.organization.registered", header(record, "ce_type"));
        assertEquals("2026-02-12T09:00Z", header(record, "ce_time"));
        assertEquals("application/json", header(record, "content-type"));
    }

    @Test
    void readsBackWhatItWrote() {
        assertEquals(event, KafkaCloudEvents.fromRecord(consumed(KafkaCloudEvents.toRecord("t", event))));
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsPoison() {
        ConsumerRecord<String, String> plain = new ConsumerRecord<>("t", 0, 0, "k", "{}");
        PoisonEventException e = assertThrows(PoisonEventException.class, () -> KafkaCloudEvents.fromRecord(plain));
        assertTrue(e.getMessage().contains("ce_specversion"), e.getMessage());
    }

    @Test
    void aMissingIdOrBadTimeIsPoison() {
        ProducerRecord<String, String> noId = KafkaCloudEvents.toRecord("t", event);
        noId.headers().remove("ce_id");
        assertThrows(PoisonEventException.class, () -> KafkaCloudEvents.fromRecord(consumed(noId)));

        ProducerRecord<String, String> badTime = KafkaCloudEvents.toRecord("t", event);
        badTime.headers().remove("ce_time");
        badTime.headers().add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));
        assertThrows(PoisonEventException.class, () -> KafkaCloudEvents.fromRecord(consumed(badTime)));
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> produced) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(produced.topic(), 0, 0, produced.key(), produced.value());
        for (Header header : produced.headers()) {
            record.headers().add(header);
        }
        return record;
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
