package fr.sudia.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import fr.sudia.platform.events.KafkaCloudEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
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
 *
 * <p>Each record carries the W3C {@code traceparent} of a "publish" span whose parent is the trace context
 * stored with the row, so a consumer's span joins the trace of the request that made the change.
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

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    Clock clock;

    private final AtomicLong pending = new AtomicLong();
    /** Epoch millis of the oldest event not yet relayed; 0 when none waits. */
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private Tracer tracer;
    private TextMapPropagator propagator;
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
        tracer = openTelemetry.getTracer("fr.sudia.platform.outbox");
        propagator = openTelemetry.getPropagators().getTextMapPropagator();
        Gauge.builder("sudia.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events written but not yet acknowledged by Kafka")
                .register(meterRegistry);
        Gauge.builder("sudia.outbox.oldest.pending.age", this, OutboxRelay::oldestPendingAgeSeconds)
                .description("Age of the oldest outbox event not yet acknowledged by Kafka (0 when none waits)")
                .baseUnit("seconds")
                .register(meterRegistry);
    }

    private double oldestPendingAgeSeconds() {
        long oldest = oldestPendingMillis.get();
        return oldest == 0 ? 0 : Math.max(0, System.currentTimeMillis() - oldest) / 1000.0;
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
            try {
                measureBacklog();
            } finally {
                running.set(false);
            }
        }
    }

    /** Every replica measures, whether or not it held the lock, so any of them shows the real backlog. */
    private void measureBacklog() {
        try {
            OutboxEvent.Backlog backlog = QuarkusTransaction.requiringNew().call(OutboxEvent::backlog);
            pending.set(backlog.pending());
            oldestPendingMillis.set(backlog.oldestOccurredAt() == null ? 0
                    : backlog.oldestOccurredAt().toInstant().toEpochMilli());
        } catch (RuntimeException e) {
            LOG.debug("Outbox backlog not measured this round", e);
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
            return publishInOrder(batch);
        });
    }

    private int publishInOrder(List<OutboxEvent> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            for (int i = 0; i < batch.size(); i++) {
                OutboxEvent row = batch.get(i);
                Span span = startPublishSpan(row);
                spans.add(span);
                try {
                    ProducerRecord<String, String> record = KafkaCloudEvents.toRecord(row.topic, outbox.toCloudEvent(row));
                    addTraceContext(record.headers(), row, span);
                    acks.add(producer.send(record));
                } catch (RuntimeException e) {
                    return markSent(batch, acks, spans, now, e);
                }
            }
            return markSent(batch, acks, spans, now, null);
        } finally {
            spans.forEach(Span::end);
        }
    }

    private Span startPublishSpan(OutboxEvent row) {
        Context parent = row.traceparent == null ? Context.root()
                : propagator.extract(Context.root(), row, StoredTraceContext.INSTANCE);
        return tracer.spanBuilder(row.topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "publish")
                .setAttribute("messaging.destination.name", row.topic)
                .setAttribute("messaging.message.id", row.id.toString())
                .setAttribute("cloudevents.event_type", row.type)
                .startSpan();
    }

    /** The publish span's context; when tracing is off here, the context stored with the row as it is. */
    private void addTraceContext(Headers headers, OutboxEvent row, Span span) {
        if (span.getSpanContext().isValid()) {
            propagator.inject(Context.root().with(span), headers,
                    (carrier, key, value) -> put(carrier, key, value));
        } else if (row.traceparent != null) {
            put(headers, Outbox.TRACEPARENT, row.traceparent);
            if (row.tracestate != null) {
                put(headers, Outbox.TRACESTATE, row.tracestate);
            }
        }
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Marks sent the acknowledged prefix of the batch; the first failure and all after it stay pending. */
    private int markSent(List<OutboxEvent> batch, List<Future<RecordMetadata>> acks, List<Span> spans,
            OffsetDateTime now, RuntimeException sendFailure) {
        long waitMs = deliveryTimeout.toMillis() + 5_000;
        for (int i = 0; i < acks.size(); i++) {
            OutboxEvent row = batch.get(i);
            try {
                acks.get(i).get(waitMs, TimeUnit.MILLISECONDS);
                row.sentAt = now;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                recordFailure(row, cause, spans.get(i));
                return i;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return i;
            }
        }
        if (sendFailure != null && acks.size() < batch.size()) {
            recordFailure(batch.get(acks.size()), sendFailure, spans.get(acks.size()));
        }
        return acks.size();
    }

    private void recordFailure(OutboxEvent row, Throwable error, Span span) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, "not acknowledged by Kafka; retried later");
        row.attempts++;
        row.lastError = String.valueOf(error);
        LOG.warnf("Outbox event %s (%s on %s) not yet published, will retry: %s", row.id, row.type, row.topic, error);
    }

    /** Reads the W3C headers stored with an outbox row. */
    private enum StoredTraceContext implements TextMapGetter<OutboxEvent> {
        INSTANCE;

        @Override
        public Iterable<String> keys(OutboxEvent row) {
            return List.of(Outbox.TRACEPARENT, Outbox.TRACESTATE);
        }

        @Override
        public String get(OutboxEvent row, String key) {
            if (row == null) {
                return null;
            }
            return switch (key) {
                case Outbox.TRACEPARENT -> row.traceparent;
                case Outbox.TRACESTATE -> row.tracestate;
                default -> null;
            };
        }
    }
}
