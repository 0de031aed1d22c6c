package fr.sudia.events.registration;

import java.time.Clock;
import java.time.ZoneOffset;

import org.jboss.logging.Logger;

import fr.sudia.platform.retention.BatchedPurge;
import fr.sudia.platform.retention.RetentionMetrics;
import io.micrometer.core.instrument.Counter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Registrants' names, emails and answers are kept for {@code sudia.events.registration.pseudonymize-after} (90 days
 * by default) after the occurrence's start, then removed; what is counted (category, commune, seats, presence)
 * stays. One replica at a time, in short batches.
 */
@ApplicationScoped
public class RegistrationRetention {

    private static final Logger LOG = Logger.getLogger(RegistrationRetention.class);

    private final BatchedPurge purge;
    private final RegistrationConfig config;
    private final Clock clock;
    private final Counter pseudonymized;

    RegistrationRetention(EntityManager em, RegistrationConfig config, Clock clock, RetentionMetrics metrics) {
        this.purge = new BatchedPurge(em, """
                update registration set name = null, email = null, structure_name = null, answers = '{}',
                       newsletter_consent_at = null,
                       pseudonymized_at = now()
                 where id in (select id from registration where pseudonymized_at is null and original_start < ?1 limit ?2)""",
                0x5D1A_E7E7_0000_0003L, 500);
        this.config = config;
        this.clock = clock;
        this.pseudonymized = metrics.counter("registrations.personal-data");
    }

    @Scheduled(cron = "{sudia.events.registration.pseudonymize-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        long count = pseudonymizeDue();
        if (count > 0) {
            LOG.infof("Pseudonymized %d registrations past their retention period", count);
        }
    }

    /** Removes the personal data of registrations whose occurrence started longer ago than the retention period. */
    public long pseudonymizeDue() {
        long count = purge.olderThan(clock.instant().minus(config.pseudonymizeAfter()).atOffset(ZoneOffset.UTC));
        pseudonymized.increment(count);
        return count;
    }
}
