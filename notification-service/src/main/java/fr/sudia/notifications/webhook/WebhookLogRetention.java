package fr.sudia.notifications.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.sudia.platform.retention.BatchedPurge;
import fr.sudia.platform.retention.RetentionMetrics;
import io.micrometer.core.instrument.Counter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The partners' delivery log (deliveries, their payloads and attempts) is deleted
 * {@code sudia.notifications.webhooks.log-retention} (30 d) after a delivery was created, once it is no longer
 * pending. One replica at a time, in short batches.
 */
@ApplicationScoped
public class WebhookLogRetention {

    private static final Logger LOG = Logger.getLogger(WebhookLogRetention.class);

    private final BatchedPurge purge;
    private final Clock clock;
    private final Duration retention;
    private final Counter removed;

    WebhookLogRetention(EntityManager entityManager, Clock clock, RetentionMetrics retentionMetrics,
            @ConfigProperty(name = "sudia.notifications.webhooks.log-retention", defaultValue = "30d") Duration retention) {
        this.purge = new BatchedPurge(entityManager, """
                delete from webhook_delivery where id in (select id from webhook_delivery
                 where status <> 'PENDING' and created_at < ?1 limit ?2)""", 0x5D1A_0E7F_0000_0001L, 500);
        this.clock = clock;
        this.retention = retention;
        this.removed = retentionMetrics.counter("webhook-deliveries");
    }

    @Scheduled(every = "${sudia.retention.purge-every:1h}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        long deleted = purgeDue();
        if (deleted > 0) {
            LOG.infof("Deleted %d webhook deliveries past their retention", deleted);
        }
    }

    /** Deletes the deliveries older than the retention; returns how many. */
    public long purgeDue() {
        long deleted = purge.olderThan(OffsetDateTime.now(clock).minus(retention));
        removed.increment(deleted);
        return deleted;
    }
}
