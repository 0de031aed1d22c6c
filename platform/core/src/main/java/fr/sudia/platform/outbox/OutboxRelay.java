package fr.sudia.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import fr.sudia.platform.events.KafkaCloudEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Publishes outbox rows to Kafka in the order they were written, and marks them sent once the broker has
 * acknowledged them (acks=all, idempotent producer).
 *
 * <p>Only one relay of a service runs at a time, whatever the number of replicas: a batch is taken under a
 * PostgreSQL advisory lock. When a send fails, the batch stops there: that row and every later one wait for
 * the next round, so the events of one aggregate never overtake each other. A crash between the broker's
 * acknowledgement and the commit re-sends a row; consumers deduplicate on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "outbox" in ASCII. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry meterRegistry;

    @ConfigProperty(name = "sudia.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "sudia.outbox.delivery-timeout", defaultValue = "15s")
    Duration deliveryTimeout;

    @Inject
    ManagedExecutor executor;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private volatile boolean stopping;
    private Producer<String, String> producer;

    @PostConstruct
    void start() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        int deliveryMs = (int) deliveryTimeout.toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryMs, 5_000));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(deliveryMs, 5_000));
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, config.getOrDefault("group.id", "service") + "-outbox");
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        Gauge.builder("sudia.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events written but not yet acknowledged by Kafka")
                .register(meterRegistry);
    }

    @PreDestroy
    void stop() {
        producer.close(Duration.ofSeconds(5));
    }

    /** Relays a committed change at once rather than at the next poll. */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        if (wakeUpQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeUpQueued.set(false);
                relayPendingSafely();
            });
        }
    }

    /** The safety net: rows left by a failed send, a crash or another replica's transaction. */
    @Scheduled(every = "${sudia.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        relayPendingSafely();
    }

    /** Once shutdown begins the relay stops taking batches: what is left waits for the next start. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    private void relayPendingSafely() {
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            relayAll();
        } catch (RuntimeException e) {
            LOG.warn("Outbox relay round failed; the next round retries", e);
        } finally {
            running.set(false);
        }
    }

    private void relayAll() {
        int relayed;
        do {
            relayed = relayBatch();
        } while (relayed == batchSize && !stopping);
    }

    /** Relays one batch; returns how many rows were acknowledged and marked sent. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxEvent> batch = OutboxEvent.pending(batchSize);
            int acknowledged = publishInOrder(batch);
            pending.set(OutboxEvent.countPending());
            return acknowledged;
        });
    }

    private int publishInOrder(List<OutboxEvent> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent row = batch.get(i);
            try {
                acks.add(producer.send(KafkaCloudEvents.toRecord(row.topic, outbox.toCloudEvent(row))));
            } catch (RuntimeException e) {
                return markSent(batch, acks, now, e);
            }
        }
        return markSent(batch, acks, now, null);
    }

    /** Marks sent the acknowledged prefix of the batch; the first failure and all after it stay pending. */
    private int markSent(List<OutboxEvent> batch, List<Future<RecordMetadata>> acks, OffsetDateTime now,
            RuntimeException sendFailure) {
        long waitMs = deliveryTimeout.toMillis() + 5_000;
        for (int i = 0; i < acks.size(); i++) {
            OutboxEvent row = batch.get(i);
            try {
                acks.get(i).get(waitMs, TimeUnit.MILLISECONDS);
                row.sentAt = now;
            } catch (ExecutionException | TimeoutException e) {
                recordFailure(row, e instanceof ExecutionException ? e.getCause() : e);
                return i;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return i;
            }
        }
        if (sendFailure != null && acks.size() < batch.size()) {
            recordFailure(batch.get(acks.size()), sendFailure);
        }
        return acks.size();
    }

    private void recordFailure(OutboxEvent row, Throwable error) {
        row.attempts++;
        row.lastError = String.valueOf(error);
        LOG.warnf("Outbox event %s (%s on %s) not yet published, will retry: %s", row.id, row.type, row.topic, error);
    }
}
