package fr.sudia.notifications.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** Publishes events as their producers would (payloads checked against their contracts) and waits for them. */
public final class Publisher {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EmbeddedKafkaBroker broker;
    private final EntityManager entityManager;

    public Publisher(EmbeddedKafkaBroker broker, EntityManager entityManager) {
        this.broker = broker;
        this.entityManager = entityManager;
    }

    public String publish(String eventId, String topic, String service, String type, String key, String data) {
        EventContracts.assertValid(topic, data);
        ProducerRecord<String, String> record = KafkaCloudEvents.toRecord(topic, new CloudEvent(eventId,
                URI.create("urn:sud-ia:" + service), type, key, OffsetDateTime.now(), data));
        new KafkaTestClient(broker).send(record);
        return eventId;
    }

    /** Waits until the service has processed the event (it is in the inbox). */
    public void awaitProcessed(String eventId) {
        await().atMost(PATIENCE).until(() -> count("select count(*) from inbox_event where id = ?1", eventId) == 1);
    }

    public long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    public Object single(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        });
    }

    /** A registration notice (events-service's contract), for an occurrence starting at {@code start}. */
    public String registration(String eventId, String type, UUID registrationId, String status, String email,
            String language, String start, String titleEn) {
        String data = """
                {"registrationId":"%s","bookingCode":"7KQ4M2XD","status":"%s","seats":2,"waitlistPosition":null,
                 "occurrence":{"eventId":"0b7f6a52-3d0e-4c8e-9a51-3f1f0d6e2a10","originalStart":"%s","startsAt":"%s",
                   "endsAt":"%s","timeZone":"Europe/Paris","titleFr":"Atelier « Découvrir l'IA », pour tous; vraiment",
                   "titleEn":%s,"venueName":"Maison de l'Intelligence Artificielle","city":"Biot"},
                 "recipient":{"name":"Camille Martin","email":"%s","language":"%s"}}"""
                .formatted(registrationId, status, start, start, OffsetDateTime.parse(start).plusHours(2),
                        titleEn == null ? "null" : "\"" + titleEn + "\"", email, language);
        return publish(eventId, "events.registration-notices.v1", "events-service", "fr.sudia.events.registration." + type,
                registrationId.toString(), data);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
