package fr.sudia.platform.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.privacy.PrivacyAnswered;
import fr.sudia.platform.privacy.PrivacyRequested;

/**
 * The privacy desk's side of issue 21 for a service's tests: publishes a {@link PrivacyRequested} on
 * {@code privacy.requests.v1} as notification-service does, and reads the service's {@link PrivacyAnswered} back from
 * {@code privacy.replies.v1}, checked against its contract.
 */
public final class PrivacyRequests {

    public static final String REQUESTS_TOPIC = "privacy.requests.v1";
    private static final URI DESK = URI.create("urn:sud-ia:notification-service");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedKafkaBroker broker;

    public PrivacyRequests(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /** Publishes the request (a new event id each time: a replay is the same request published again). */
    public void publish(UUID requestId, PrivacyRequested.Kind kind, String email, String subject) {
        ObjectNode data = JSON.createObjectNode().put("requestId", requestId.toString()).put("kind", kind.name())
                .put("email", email).put("subject", subject).put("requestedAt", Instant.now().toString());
        EventContracts.assertValid(REQUESTS_TOPIC, data.toString());
        new KafkaTestClient(broker).send(KafkaCloudEvents.toRecord(REQUESTS_TOPIC, new CloudEvent(UUID.randomUUID().toString(),
                DESK, PrivacyRequested.TYPE, requestId.toString(), OffsetDateTime.now(ZoneOffset.UTC), data.toString())));
    }

    /** The service's answers to the request, in order, once {@code count} of them arrived (each event once). */
    public List<JsonNode> answers(UUID requestId, String service, int count) {
        String key = requestId.toString();
        List<ConsumerRecord<String, String>> records = new KafkaTestClient(broker).readUntil(PrivacyAnswered.TOPIC,
                Duration.ofSeconds(60), read -> distinct(read, key, service).size() >= count);
        List<JsonNode> answers = distinct(records, key, service);
        if (answers.size() < count) {
            throw new AssertionError("expected " + count + " answers of " + service + " to " + requestId + ", got " + answers);
        }
        return answers;
    }

    private static List<JsonNode> distinct(List<ConsumerRecord<String, String>> records, String key, String service) {
        Set<String> seen = new HashSet<>();
        return records.stream().filter(r -> key.equals(r.key()))
                .filter(r -> PrivacyAnswered.TYPE.equals(header(r, "ce_type")) && seen.add(header(r, "ce_id")))
                .map(r -> {
                    EventContracts.assertValid(PrivacyAnswered.TOPIC, r.value());
                    return read(r.value());
                }).filter(a -> service.equals(a.path("service").asText())).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
