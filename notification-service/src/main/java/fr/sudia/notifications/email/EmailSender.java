package fr.sudia.notifications.email;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.sudia.platform.retention.BatchedPurge;
import fr.sudia.platform.retention.RetentionMetrics;
import io.micrometer.core.instrument.Counter;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Sends the queued emails over SMTP. Rows due are locked ({@code for update skip locked}: replicas share the work);
 * a transient failure (server down, 4xx) moves the row's next attempt later with exponential backoff (capped), so
 * that an SMTP outage delays mail and never loses it; a 5xx refusal of the recipient is a hard bounce: the address is
 * suppressed for every message. Messages are sent one at a time: handing a batch to the mail client's connection pool at once
 * was faster, but connections of that pool stalled after the greeting until the server's idle timeout (421).
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final Suppressions suppressions;
    private final Clock clock;
    private final int batchSize;
    private final Duration firstRetry;
    private final Duration maxRetry;

    private final Counter bodiesCleared;
    private final Counter logDeleted;
    private final BatchedPurge logPurge;

    EmailSender(EntityManager entityManager, Mailer mailer, Suppressions suppressions, Clock clock,
            RetentionMetrics retentionMetrics,
            @ConfigProperty(name = "sudia.notifications.email.batch-size", defaultValue = "50") int batchSize,
            @ConfigProperty(name = "sudia.notifications.email.first-retry", defaultValue = "30s") Duration firstRetry,
            @ConfigProperty(name = "sudia.notifications.email.max-retry", defaultValue = "1h") Duration maxRetry) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.suppressions = suppressions;
        this.clock = clock;
        this.batchSize = batchSize;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.bodiesCleared = retentionMetrics.counter("email-deliveries.bodies");
        this.logDeleted = retentionMetrics.counter("email-deliveries.log");
        this.logPurge = new BatchedPurge(entityManager, """
                delete from email_delivery where id in (select id from email_delivery
                 where status <> 'PENDING' and created_at < ?1 limit ?2)""", 0x5D1A_0E7F_0000_0004L, 500);
    }

    @Scheduled(every = "${sudia.notifications.email.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(this::sendDue);
        } while (sent == batchSize);
    }

    /** Sends what is due now; returns how many rows were handled. */
    @SuppressWarnings("unchecked")
    int sendDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<EmailDelivery> due = entityManager.createNativeQuery("""
                select * from email_delivery where status = 'PENDING' and next_attempt_at <= ?1
                order by next_attempt_at limit ?2 for update skip locked""", EmailDelivery.class)
                .setParameter(1, now).setParameter(2, batchSize).getResultList();
        for (EmailDelivery delivery : due) {
            if (suppressions.suppressed(delivery.recipient, delivery.category)) {
                delivery.status = EmailDelivery.SUPPRESSED;
                continue;
            }
            Throwable failure = null;
            try {
                mailer.send(mail(delivery));
            } catch (RuntimeException e) {
                failure = e;
            }
            record(delivery, failure, now);
        }
        return due.size();
    }

    private static Mail mail(EmailDelivery delivery) {
        Mail mail = Mail.withText(delivery.recipient, delivery.subject, delivery.textBody).setHtml(delivery.htmlBody);
        if (delivery.unsubscribeUrl != null) {
            mail.addHeader("List-Unsubscribe", "<" + delivery.unsubscribeUrl + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mail.addHeader("X-Sudia-Delivery", delivery.id.toString());
        if (delivery.icsBody != null) {
            mail.addAttachment("invitation.ics", delivery.icsBody.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + delivery.icsMethod);
        }
        return mail;
    }

    /** The outcome of one message: sent, refused for good (a hard bounce), or to try again later. */
    private void record(EmailDelivery delivery, Throwable failure, OffsetDateTime now) {
        delivery.attempts++;
        if (failure == null) {
            delivery.status = EmailDelivery.SENT;
            delivery.sentAt = now;
            delivery.lastError = null;
        } else {
            SMTPException smtp = smtpCause(failure);
            if (smtp != null && smtp.getReplyCode() >= 550 && smtp.getReplyCode() <= 553) {
                delivery.status = EmailDelivery.FAILED;
                delivery.lastError = "hard bounce: " + smtp.getMessage();
                suppressions.suppress(delivery.recipient, Suppressions.ALL, "hard bounce " + smtp.getReplyCode());
                return;
            }
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
            Throwable cause = failure.getCause() != null && failure.getMessage() == null ? failure.getCause() : failure;
            delivery.lastError = cause.toString();
            LOG.warnf("Email %s not sent (attempt %d), next attempt at %s: %s", delivery.id, delivery.attempts,
                    delivery.nextAttemptAt, cause);
        }
    }

    /** The wait after the n-th failed attempt: first-retry doubled each time, at most max-retry. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    private static SMTPException smtpCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    /** Clears the rendered parts of messages handled long enough ago (the log keeps who, what kind, when, outcome). */
    @Scheduled(every = "${sudia.retention.purge-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void clearOldBodies() {
        clearBodiesBefore(OffsetDateTime.now(clock).minus(bodyRetention()));
        deleteLogBefore(OffsetDateTime.now(clock).minus(logRetention));
    }

    @ConfigProperty(name = "sudia.notifications.email.log-retention", defaultValue = "365d")
    Duration logRetention;

    /** Deletes the log lines (address, kind, outcome) of messages handled before {@code before}; returns how many. */
    public long deleteLogBefore(OffsetDateTime before) {
        long deleted = logPurge.olderThan(before);
        logDeleted.increment(deleted);
        return deleted;
    }

    @ConfigProperty(name = "sudia.notifications.email.body-retention", defaultValue = "7d")
    Duration bodyRetention;

    Duration bodyRetention() {
        return bodyRetention;
    }

    public int clearBodiesBefore(OffsetDateTime before) {
        int cleared = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                update email_delivery set text_body = null, html_body = null, ics_body = null
                where status <> 'PENDING' and created_at < ?1 and text_body is not null""")
                .setParameter(1, before).executeUpdate());
        bodiesCleared.increment(cleared);
        return cleared;
    }
}
