package fr.sudia.impact.source;

import static fr.sudia.impact.support.Sources.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import fr.sudia.impact.support.Sources;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Records that can never be processed go to the dead-letter topic with the reason; consumption goes on. */
@QuarkusTest
class PoisonEventsTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    @Test
    void poisonGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String topic = "events.attendance.v1";
        String notACloudEvent = UUID.randomUUID().toString();
        new KafkaTestClient(broker).send(new ProducerRecord<>(topic, notACloudEvent, "{\"hello\":\"world\"}"));
        String broken = UUID.randomUUID().toString();
        new KafkaTestClient(broker).send(KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(),
                URI.create("urn:sud-ia:events-service"), "fr.sudia.events.attendance.recorded", broken, OffsetDateTime.now(),
                "{\"eventId\":\"" + broken + "\"}")));
        Sources sources = new Sources(broker, entityManager);
        sources.awaitProcessed(sources.attendance(UUID.randomUUID(), "2037-01-10T10:00:00Z", 1, 5, 5, "06088", "06", null));

        List<ConsumerRecord<String, String>> dead = new KafkaTestClient(broker).readUntil(topic + ".dlq", PATIENCE,
                records -> records.stream().map(ConsumerRecord::key).toList().containsAll(List.of(notACloudEvent, broken)));
        assertTrue(reason(dead, notACloudEvent).contains("ce_specversion"), reason(dead, notACloudEvent));
        assertTrue(reason(dead, broken).contains("breaks its contract") || reason(dead, broken).contains("unreadable"),
                reason(dead, broken));
    }

    @Test
    void theProducersOwnExamplesAreUnderstood() {
        Sources sources = new Sources(broker, entityManager);
        for (String example : EventContracts.examples("events.attendance.v1")) {
            sources.awaitProcessed(sources.publish("events.attendance.v1", "events-service",
                    "fr.sudia.events.attendance.recorded", "example", example));
        }
        for (String example : EventContracts.examples("funding.requests.v1")) {
            sources.awaitProcessed(sources.publish("funding.requests.v1", "funding-guichet-service",
                    "fr.sudia.funding.request.closed", "example", example));
        }
        for (String example : EventContracts.examples("funding.calls.v1", "CallResultPublished")) {
            sources.awaitProcessed(sources.publish("funding.calls.v1", "funding-guichet-service",
                    "fr.sudia.funding.call.result-published", "example", example));
        }
        // An event type impact-service does not count (a call opening) is consumed and ignored, never a dead letter.
        for (String example : EventContracts.examples("funding.calls.v1", "CallOpened")) {
            sources.awaitProcessed(sources.publish("funding.calls.v1", "funding-guichet-service",
                    "fr.sudia.funding.call.opened", "example", example));
        }
        for (String example : EventContracts.examples("directory.organizations.v1")) {
            sources.awaitProcessed(sources.publish("directory.organizations.v1", "directory-service",
                    "fr.sudia.directory.organization.registered", "example", example));
        }
        // A type impact-service does not count (a call opening) is consumed and ignored, never a dead letter.
        for (String example : EventContracts.examples("funding.calls.v1", "CallOpened")) {
            sources.awaitProcessed(sources.publish("funding.calls.v1", "funding-guichet-service",
                    "fr.sudia.funding.call.opened", "example", example));
        }
        for (String example : EventContracts.examples("label.labels.v1", "LabelChanged")) {
            sources.awaitProcessed(sources.publish("label.labels.v1", "label-service", "fr.sudia.label.label.granted", "example", example));
        }
        for (String example : EventContracts.examples("label.labels.v1", "CharterSigned")) {
            sources.awaitProcessed(sources.publish("label.labels.v1", "label-service", "fr.sudia.label.charter.signed", "example", example));
        }
        // None went to a dead-letter topic: each was applied (its version is recorded).
        long versions = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from source_version where source_key in "
                        + "('0b7f6a52-3d0e-4c8e-9a51-3f1f0d6e2a10/2027-02-10T13:00:00Z', '0b7c9e2a-5d41-4f0e-9a3c-1d2e3f4a5b6c', "
                        + "'7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10', 'label/SUD-IA-2026-0042')")
                .getSingleResult()).longValue());
        assertTrue(versions == 5, "versions recorded: " + versions);
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        ConsumerRecord<String, String> record = records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }
}
