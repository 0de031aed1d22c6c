package fr.sudia.notifications.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.sudia.platform.retention.BatchedPurge;
import fr.sudia.platform.retention.RetentionMetrics;
import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Undeliverable notices are counted; their records are only kept {@code sudia.notifications.undeliverable-retention}.
 * One replica at a time, in short batches.
 */
@Startup
@ApplicationScoped
public class UndeliverableRetention {

    private final BatchedPurge purge;
    private final Clock clock;
    private final Duration retention;
    private final Counter removed;

    UndeliverableRetention(EntityManager entityManager, Clock clock, RetentionMetrics retentionMetrics,
            @ConfigProperty(name = "sudia.notifications.undeliverable-retention") Duration retention) {
        this.purge = new BatchedPurge(entityManager, """
                delete from undeliverable_notice where dedup_key in (select dedup_key from undeliverable_notice
                 where recorded_at < ?1 limit ?2)""", 0x5D1A_0E7F_0000_0002L, 500);
        this.clock = clock;
        this.retention = retention;
        this.removed = retentionMetrics.counter("undeliverable-notices");
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    public long purge() {
        long deleted = purge.olderThan(OffsetDateTime.now(clock).minus(retention));
        removed.increment(deleted);
        return deleted;
    }
}
