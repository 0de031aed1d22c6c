package fr.sudia.platform.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents Kafka protocol binding, binary content mode: attributes in {@code ce_*} headers, the
 * JSON data as the record value, the aggregate id as the record key (so one aggregate stays ordered in one
 * partition).
 */
public final class KafkaCloudEvents {

    static final String SPEC_VERSION = "ce_specversion";
    static final String ID = "ce_id";
    static final String SOURCE = "ce_source";
    static final String TYPE = "ce_type";
    static final String SUBJECT = "ce_subject";
    static final String TIME = "ce_time";
    static final String CONTENT_TYPE = "content-type";

    private KafkaCloudEvents() {
    }

    public static ProducerRecord<String, String> toRecord(String topic, CloudEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(), event.data());
        Headers headers = record.headers();
        put(headers, SPEC_VERSION, CloudEvent.SPEC_VERSION);
        put(headers, ID, event.id());
        put(headers, SOURCE, event.source().toString());
        put(headers, TYPE, event.type());
        if (event.subject() != null) {
            put(headers, SUBJECT, event.subject());
        }
        if (event.time() != null) {
            put(headers, TIME, event.time().toString());
        }
        put(headers, CONTENT_TYPE, CloudEvent.DATA_CONTENT_TYPE);
        return record;
    }

    /** Reads a binary-mode CloudEvent, or throws {@link PoisonEventException} if the record is not one. */
    public static CloudEvent fromRecord(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String specVersion = get(headers, SPEC_VERSION);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new PoisonEventException("not a CloudEvents 1.0 record (ce_specversion=" + specVersion + ")");
        }
        String id = required(headers, ID);
        String type = required(headers, TYPE);
        URI source;
        try {
            source = new URI(required(headers, SOURCE));
        } catch (URISyntaxException e) {
            throw new PoisonEventException("ce_source is not a URI reference: " + e.getMessage(), e);
        }
        String time = get(headers, TIME);
        OffsetDateTime parsedTime;
        try {
            parsedTime = time == null ? null : OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 timestamp: " + time, e);
        }
        String subject = get(headers, SUBJECT);
        return new CloudEvent(id, source, type, subject != null ? subject : record.key(), parsedTime, record.value());
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = get(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("missing CloudEvents attribute " + name);
        }
        return value;
    }
}
