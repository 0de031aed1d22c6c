package fr.sudia.label.retention;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.label.directory.KnownOrganization;
import fr.sudia.label.support.TestClock;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.inbox.InboxRetention;
import fr.sudia.platform.outbox.Outbox;
import fr.sudia.platform.outbox.OutboxEvent;
import fr.sudia.platform.outbox.OutboxRetention;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import fr.sudia.platform.testing.PrometheusMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The platform's purge of the outbox and inbox tables, run in label-service with its clock moved forward: sent
 * events go after their retention, pending ones never, and the inbox forgets an event only after the
 * deduplication window, so that a real redelivery through Kafka inside the window is still skipped.
 */
@QuarkusTest
class RetentionTest {

    private static final String TOPIC = "directory.organizations.v1";
    private static final URI DIRECTORY = URI.create("urn:sud-ia:directory-service");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    TestClock clock;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRetention outboxRetention;

    @Inject
    InboxRetention inboxRetention;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "sudia.outbox.sent-retention")
    Duration sentRetention;

    @ConfigProperty(name = "sudia.inbox.dedup-window")
    Duration dedupWindow;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void sentEventsArePurgedAfterTheRetentionAndPendingOnesNever() {
        UUID sent = publish();
        await().atMost(PATIENCE).until(() -> sentAt(sent) != null);

        clock.advance(sentRetention.minusHours(1));
        outboxRetention.purge();
        assertNotNull(sentAt(sent), "a sent event younger than the retention is kept");

        clock.advance(Duration.ofHours(2));
        outboxRetention.purge();
        assertEquals(0L, outboxRows(sent), "a sent event older than the retention is purged");

        broker.stop();
        UUID pending;
        try {
            pending = publish();
            clock.advance(Duration.ofDays(365));
            outboxRetention.purge();
            assertEquals(1L, outboxRows(pending), "an event Kafka has not acknowledged is never purged");
            assertNull(sentAt(pending));

            PrometheusMetrics metrics = PrometheusMetrics.scrape();
            assertEquals(count("select count(*) from outbox_event where sent_at is null"),
                    metrics.sum("sudia_outbox_rows", "state=\"pending\""));
            assertEquals(count("select count(*) from outbox_event where sent_at is not null"),
                    metrics.sum("sudia_outbox_rows", "state=\"sent\""));
        } finally {
            broker.start();
        }
        await().atMost(PATIENCE).until(() -> sentAt(pending) != null);
    }

    @Test
    void anEventIsForgottenOnlyAfterTheWindowAndARedeliveryInsideItIsStillSkipped() {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T10:00:00Z");
        send(eventId, id, "First delivery", at);
        awaitKnown(id, "First delivery");

        clock.advance(dedupWindow.minusHours(1));
        inboxRetention.purge();
        assertEquals(1L, inboxRows(eventId), "an event applied within the window is remembered");

        // The same event again through Kafka, newer in content: were it not skipped, it would rename the organization.
        send(eventId, id, "Second delivery", at.plusMinutes(1));
        UUID marker = UUID.randomUUID();
        send(UUID.randomUUID().toString(), marker, "Marker", at);
        awaitKnown(marker, "Marker");
        assertEquals("First delivery", knownName(id));
        assertEquals(1L, inboxRows(eventId));

        clock.advance(Duration.ofHours(2));
        inboxRetention.purge();
        assertEquals(0L, inboxRows(eventId), "an event applied before the window is forgotten");
        assertEquals(count("select count(*) from inbox_event"), PrometheusMetrics.scrape().value("sudia_inbox_rows"));
    }

    private UUID publish() {
        return QuarkusTransaction.requiringNew().call(() -> UUID.fromString(outbox.publish("label.retention-check.v1",
                "fr.sudia.label.retention.checked", UUID.randomUUID().toString(), Map.of("check", true)).id()));
    }

    private OffsetDateTime sentAt(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("id", id)
                .firstResultOptional().map(row -> row.sentAt).orElse(null));
    }

    private long outboxRows(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("id", id));
    }

    private long inboxRows(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from inbox_event where id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    private double count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .getSingleResult()).doubleValue());
    }

    private void send(String eventId, UUID id, String name, OffsetDateTime at) {
        String data = """
                {"id":"%s","name":"%s","kind":"STARTUP","siren":null,"city":"Nice","createdAt":"%s","updatedAt":"%s"}"""
                .formatted(id, name, at, at);
        new KafkaTestClient(broker).send(KafkaCloudEvents.toRecord(TOPIC, new CloudEvent(eventId, DIRECTORY,
                "fr.sudia.directory.organization.registered", id.toString(), at, data)));
    }

    private void awaitKnown(UUID id, String name) {
        await().atMost(PATIENCE).until(() -> name.equals(knownName(id)));
    }

    private static String knownName(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> KnownOrganization.<KnownOrganization>findByIdOptional(id)
                .map(known -> known.name).orElse(null));
    }
}
