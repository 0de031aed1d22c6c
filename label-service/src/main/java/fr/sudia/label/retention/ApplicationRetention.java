package fr.sudia.label.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.sudia.platform.retention.BatchedPurge;
import fr.sudia.platform.retention.RetentionMetrics;
import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * An application's answers (free text that may name people) and the committee's reasons are kept
 * {@code sudia.label.retention.application-answers} (3 years by default) after they stopped serving: after the
 * refusal, after the end of the validity of the label it led to, or after the last change of a draft never
 * submitted. The application itself (who applied for what, when, the outcome) and the audit trail stay. One replica
 * at a time, in short batches; counted in {@code sudia_retention_removed_total{dataset="label-applications.answers"}}.
 */
@Startup
@ApplicationScoped
public class ApplicationRetention {

    private static final Logger LOG = Logger.getLogger(ApplicationRetention.class);

    private final BatchedPurge purge;
    private final Clock clock;
    private final Duration period;
    private final Counter removed;

    ApplicationRetention(EntityManager entityManager, Clock clock, RetentionMetrics metrics,
            @ConfigProperty(name = "sudia.label.retention.application-answers") Duration period,
            @ConfigProperty(name = "sudia.retention.batch-size") int batchSize) {
        this.purge = new BatchedPurge(entityManager, """
                update label_application set answers = '[]'::jsonb, decision_reasons = null
                 where id in (
                    select a.id from label_application a left join label l on l.application_id = a.id
                     where (a.answers <> '[]'::jsonb or a.decision_reasons is not null)
                       and ((a.status in ('REFUSED', 'DRAFT') and a.updated_at < ?1)
                            or (a.status = 'GRANTED' and l.valid_until < cast(?1 as date)))
                     limit ?2)""", 0x5D1A_1A8E_0000_0001L, batchSize);
        this.clock = clock;
        this.period = period;
        this.removed = metrics.counter("label-applications.answers");
    }

    @Scheduled(identity = "label-application-retention", every = "${sudia.retention.purge-every}",
            delayed = "${sudia.retention.purge-delayed}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            long cleared = clearDue();
            if (cleared > 0) {
                LOG.infof("Retention: answers of %d label applications erased", cleared);
            }
        } catch (RuntimeException e) {
            LOG.warn("Label application retention failed; the next round retries", e);
        }
    }

    /** Clears the answers and reasons past the period; returns how many applications. */
    public long clearDue() {
        long cleared = purge.olderThan(OffsetDateTime.now(clock).minus(period));
        removed.increment(cleared);
        return cleared;
    }
}
