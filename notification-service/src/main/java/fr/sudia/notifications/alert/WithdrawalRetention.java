package fr.sudia.notifications.alert;

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
 * The records of withdrawn alert consents are kept {@code sudia.notifications.alerts.withdrawal-retention} (3 years:
 * long enough to show that alerts were sent with consent and stopped when asked). One replica at a time.
 */
@Startup
@ApplicationScoped
public class WithdrawalRetention {

    private final BatchedPurge purge;
    private final Clock clock;
    private final Duration retention;
    private final Counter removed;

    WithdrawalRetention(EntityManager entityManager, Clock clock, RetentionMetrics metrics,
            @ConfigProperty(name = "sudia.notifications.alerts.withdrawal-retention") Duration retention) {
        this.purge = new BatchedPurge(entityManager, """
                delete from alert_consent_withdrawal where subscription_id in (select subscription_id
                  from alert_consent_withdrawal where withdrawn_at < ?1 limit ?2)""", 0x5D1A_0E7F_0000_0003L, 500);
        this.clock = clock;
        this.retention = retention;
        this.removed = metrics.counter("alert-consent-withdrawals");
    }

    @Scheduled(every = "${sudia.retention.purge-every}", delayed = "${sudia.retention.purge-delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    public long purge() {
        long deleted = purge.olderThan(OffsetDateTime.now(clock).minus(retention));
        removed.increment(deleted);
        return deleted;
    }
}
