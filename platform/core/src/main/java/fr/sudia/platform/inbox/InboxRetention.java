package fr.sudia.platform.inbox;

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
 * Forgets the events applied longer ago than {@code sudia.inbox.dedup-window}: past it, a redelivery of the same
 * event would be applied again, so the window must outlast any redelivery (a relay re-sending after a crash,
 * a consumer re-reading after a rebalance or an outage). Rows go a batch at a time ({@link BatchedPurge}). Publishes the table's size as {@code sudia_inbox_rows}.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);
    /** Advisory lock key: "inpurge" in ASCII; one replica purges at a time. */
    private static final long PURGE_LOCK = 0x696e7075726765L;

    private final EntityManager entityManager;
    private final Clock clock;
    private final MeterRegistry meterRegistry;
    private final Duration window;
    private final BatchedPurge batchedPurge;
    private final Counter removed;
    private final AtomicLong rows = new AtomicLong();

    InboxRetention(EntityManager entityManager, Clock clock, MeterRegistry meterRegistry, RetentionMetrics retentionMetrics,
            @ConfigProperty(name = "sudia.inbox.dedup-window") Duration window,
            @ConfigProperty(name = "sudia.retention.batch-size") int batchSize) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.meterRegistry = meterRegistry;
        this.window = window;
        this.removed = retentionMetrics.counter("inbox.applied");
        this.batchedPurge = new BatchedPurge(entityManager, """
                delete from inbox_event where (source, id) in (
                    select source, id from inbox_event where processed_at < ?1 limit ?2)""", PURGE_LOCK, batchSize);
    }

    @PostConstruct
    void registerGauge() {
        Gauge.builder("sudia.inbox.rows", rows, AtomicLong::get)
                .description("Rows of the inbox table: events applied within the deduplication window")
                .register(meterRegistry);
    }

    @Scheduled(identity = "inbox-purge", every = "${sudia.retention.purge-every}",
            delayed = "${sudia.retention.purge-delayed}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        try {
            long purged = purge();
            if (purged > 0) {
                LOG.infof("Inbox: %d events applied more than %s ago forgotten", purged, window);
            }
        } catch (RuntimeException e) {
            LOG.warn("Inbox purge failed; the next round retries", e);
        }
    }

    @Scheduled(identity = "inbox-measure", every = "${sudia.retention.measure-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledMeasure() {
        try {
            measure();
        } catch (RuntimeException e) {
            LOG.debug("Inbox size not measured this round", e);
        }
    }

    /**
     * Deletes the rows older than the window, then measures the table.
     *
     * @return how many rows were deleted (0 when another replica holds the purge)
     */
    public long purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(window);
        long total = batchedPurge.olderThan(cutoff);
        removed.increment(total);
        measure();
        return total;
    }

    /** Counts the table's rows and publishes the count. */
    public void measure() {
        long count = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from inbox_event").getSingleResult()).longValue());
        rows.set(count);
    }
}
