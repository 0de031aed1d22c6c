package fr.sudia.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.sudia.platform.retention.BatchedPurge;
import fr.sudia.platform.retention.RetentionMetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Deletes outbox rows Kafka acknowledged longer ago than {@code sudia.outbox.sent-retention}; a row not yet
 * sent is never deleted, however old. Rows go a batch at a time
 * ({@link BatchedPurge}). Publishes the table's size as {@code sudia_outbox_rows{state}}.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    /** Advisory lock key: "outpurge" in ASCII; one replica purges at a time. */
    private static final long PURGE_LOCK = 0x6f75747075726765L;

    private final EntityManager entityManager;
    private final Clock clock;
    private final MeterRegistry meterRegistry;
    private final Duration retention;
    private final BatchedPurge batchedPurge;
    private final Counter removed;
    private final AtomicLong pendingRows = new AtomicLong();
    private final AtomicLong sentRows = new AtomicLong();

    OutboxRetention(EntityManager entityManager, Clock clock, MeterRegistry meterRegistry, RetentionMetrics retentionMetrics,
            @ConfigProperty(name = "sudia.outbox.sent-retention") Duration retention,
            @ConfigProperty(name = "sudia.retention.batch-size") int batchSize) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.meterRegistry = meterRegistry;
        this.retention = retention;
        this.removed = retentionMetrics.counter("outbox.sent");
        this.batchedPurge = new BatchedPurge(entityManager, """
                delete from outbox_event where seq in (
                    select seq from outbox_event where sent_at < ?1 limit ?2)""", PURGE_LOCK, batchSize);
    }

    @PostConstruct
    void registerGauges() {
        Gauge.builder("sudia.outbox.rows", pendingRows, AtomicLong::get).tag("state", "pending")
                .description("Rows of the outbox table: events waiting for Kafka (pending) or already acknowledged (sent)")
                .register(meterRegistry);
        Gauge.builder("sudia.outbox.rows", sentRows, AtomicLong::get).tag("state", "sent")
                .description("Rows of the outbox table: events waiting for Kafka (pending) or already acknowledged (sent)")
                .register(meterRegistry);
    }

    @Scheduled(identity = "outbox-purge", every = "${sudia.retention.purge-every}",
            delayed = "${sudia.retention.purge-delayed}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        try {
            long purged = purge();
            if (purged > 0) {
                LOG.infof("Outbox: %d sent events older than %s purged", purged, retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("Outbox purge failed; the next round retries", e);
        }
    }

    @Scheduled(identity = "outbox-measure", every = "${sudia.retention.measure-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledMeasure() {
        try {
            measure();
        } catch (RuntimeException e) {
            LOG.debug("Outbox size not measured this round", e);
        }
    }

    /**
     * Deletes the sent rows older than the retention, then measures the table.
     *
     * @return how many rows were deleted (0 when another replica holds the purge)
     */
    public long purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(retention);
        long total = batchedPurge.olderThan(cutoff);
        removed.increment(total);
        measure();
        return total;
    }

    /** Counts the table's rows by state and publishes them. */
    public void measure() {
        Object[] counts = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                select count(*) filter (where sent_at is null), count(*) filter (where sent_at is not null)
                from outbox_event""").getSingleResult());
        pendingRows.set(((Number) counts[0]).longValue());
        sentRows.set(((Number) counts[1]).longValue());
    }
}
