package fr.sudia.funding.retention;

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
 * The free texts people write to the desk are erased once their purpose is served, the rest of the record (who,
 * what was decided, amounts, the figures) staying:
 * <ul>
 * <li>a funding request's need and satisfaction comment, and its advisors' decline reasons,
 * {@code sudia.funding.retention.request-texts} (3 years) after the request was closed (helped, not helped,
 * unreachable, declined or expired);</li>
 * <li>a call application's team, answers, attached files, the jury's reasons, feedback and review comments,
 * {@code sudia.funding.retention.call-applications} (5 years) after the call's results (the applicant's name stays:
 * laureates are a published public record).</li>
 * </ul>
 * One replica at a time, in short batches ({@link BatchedPurge}); counted in
 * {@code sudia_retention_removed_total{dataset}}.
 */
@Startup
@ApplicationScoped
public class FreeTextRetention {

    private static final Logger LOG = Logger.getLogger(FreeTextRetention.class);

    private final Clock clock;
    private final Duration requestTexts;
    private final Duration callApplications;
    private final BatchedPurge requests;
    private final BatchedPurge applications;
    private final Counter requestsCleared;
    private final Counter applicationsCleared;

    FreeTextRetention(EntityManager entityManager, Clock clock, RetentionMetrics metrics,
            @ConfigProperty(name = "sudia.funding.retention.request-texts") Duration requestTexts,
            @ConfigProperty(name = "sudia.funding.retention.call-applications") Duration callApplications,
            @ConfigProperty(name = "sudia.retention.batch-size") int batchSize) {
        this.clock = clock;
        this.requestTexts = requestTexts;
        this.callApplications = callApplications;
        this.requests = new BatchedPurge(entityManager, """
                with due as (
                    select id from funding_request
                     where status in ('HELPED', 'NOT_HELPED', 'UNREACHABLE', 'DECLINED', 'EXPIRED')
                       and status_changed_at < ?1 and (need <> '' or satisfaction_comment is not null)
                     limit ?2),
                assignments as (
                    update request_assignment set reason = null where request_id in (select id from due))
                update funding_request set need = '', satisfaction_comment = null where id in (select id from due)""",
                0x5D1A_F0D0_0000_0001L, batchSize);
        this.applications = new BatchedPurge(entityManager, """
                with due as (
                    select a.id from call_application a join funding_call c on c.id = a.call_id
                     where coalesce(c.results_on, a.decided_at) < ?1
                       and (a.team <> '[]' or a.answers <> '{}' or a.decision_reasons is not null
                            or a.feedback is not null)
                     limit ?2),
                files as (delete from call_attachment where application_id in (select id from due)),
                reviews as (update call_review set comment = null where application_id in (select id from due))
                update call_application set team = '[]', answers = '{}', decision_reasons = null, feedback = null
                 where id in (select id from due)""", 0x5D1A_F0D0_0000_0002L, batchSize);
        this.requestsCleared = metrics.counter("funding-requests.free-texts");
        this.applicationsCleared = metrics.counter("call-applications.personal-fields");
    }

    @Scheduled(identity = "funding-free-text-retention", every = "${sudia.retention.purge-every}",
            delayed = "${sudia.retention.purge-delayed}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            long requests = clearRequestTexts();
            long applications = clearCallApplications();
            if (requests + applications > 0) {
                LOG.infof("Retention: free texts of %d requests and %d call applications erased", requests, applications);
            }
        } catch (RuntimeException e) {
            LOG.warn("Free-text retention failed; the next round retries", e);
        }
    }

    /** Erases the free texts of requests closed longer ago than the period; returns how many requests. */
    public long clearRequestTexts() {
        long count = requests.olderThan(OffsetDateTime.now(clock).minus(requestTexts));
        requestsCleared.increment(count);
        return count;
    }

    /** Erases the personal fields of applications whose call's results are older than the period. */
    public long clearCallApplications() {
        long count = applications.olderThan(OffsetDateTime.now(clock).minus(callApplications));
        applicationsCleared.increment(count);
        return count;
    }
}
