package fr.sudia.notifications.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Undeliverable notices are counted; their records are only kept {@code sudia.notifications.undeliverable-retention}. */
@ApplicationScoped
public class UndeliverableRetention {

    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration retention;

    UndeliverableRetention(EntityManager entityManager, Clock clock,
            @ConfigProperty(name = "sudia.notifications.undeliverable-retention") Duration retention) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    @Transactional
    public int purge() {
        return entityManager.createNativeQuery("delete from undeliverable_notice where recorded_at < ?1")
                .setParameter(1, OffsetDateTime.now(clock).minus(retention)).executeUpdate();
    }
}
