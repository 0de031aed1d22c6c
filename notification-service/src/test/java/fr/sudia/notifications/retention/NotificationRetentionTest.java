package fr.sudia.notifications.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.notifications.alert.WithdrawalRetention;
import fr.sudia.notifications.email.EmailSender;
import fr.sudia.notifications.notice.UndeliverableRetention;
import fr.sudia.notifications.support.TestClock;
import fr.sudia.platform.testing.PrometheusMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * notification-service's retention jobs with the clock moved past their periods, against the real database: the
 * email log, the records of withdrawn alert consents and of undeliverable notices go, recent ones stay, a pending
 * email is never deleted, and {@code sudia_retention_removed_total{dataset}} counts what went.
 */
@QuarkusTest
class NotificationRetentionTest {

    @Inject
    TestClock clock;

    @Inject
    EmailSender sender;

    @Inject
    WithdrawalRetention withdrawals;

    @Inject
    UndeliverableRetention undeliverable;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "sudia.notifications.email.log-retention")
    Duration emailLog;

    @ConfigProperty(name = "sudia.notifications.alerts.withdrawal-retention")
    Duration withdrawal;

    @ConfigProperty(name = "sudia.notifications.undeliverable-retention")
    Duration undeliverableRetention;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theEmailLogGoesAfterAYearButNeverAPendingMessage() {
        UUID sent = email("SENT");
        UUID pending = email("PENDING");
        double before = removed("email-deliveries.log");
        clock.advance(emailLog.plusDays(1));
        UUID recent = email("SENT");

        long deleted = sender.deleteLogBefore(OffsetDateTime.now(clock).minus(emailLog));

        assertEquals(0L, count("email_delivery", "id", sent));
        assertEquals(1L, count("email_delivery", "id", pending), "a message not handled yet stays");
        assertEquals(1L, count("email_delivery", "id", recent));
        assertEquals(deleted, removed("email-deliveries.log") - before, 0.0);
    }

    @Test
    void withdrawalRecordsGoAfterThreeYearsAndUndeliverableNoticesAfterThirtyDays() {
        UUID old = withdrawal();
        String oldNotice = notice();
        double withdrawalsBefore = removed("alert-consent-withdrawals");
        double noticesBefore = removed("undeliverable-notices");

        clock.advance(undeliverableRetention.plusDays(1));
        String recentNotice = notice();
        long notices = undeliverable.purge();
        assertEquals(0L, count("undeliverable_notice", "dedup_key", oldNotice));
        assertEquals(1L, count("undeliverable_notice", "dedup_key", recentNotice));
        assertEquals(1L, count("alert_consent_withdrawal", "subscription_id", old), "3 years have not passed");

        clock.reset();
        clock.advance(withdrawal.plusDays(1));
        UUID recent = withdrawal();
        long records = withdrawals.purge();
        assertEquals(0L, count("alert_consent_withdrawal", "subscription_id", old));
        assertEquals(1L, count("alert_consent_withdrawal", "subscription_id", recent));
        assertEquals(records, removed("alert-consent-withdrawals") - withdrawalsBefore, 0.0);
        assertEquals(notices, removed("undeliverable-notices") - noticesBefore, 0.0);
    }

    /** A message queued now; a PENDING one is due far later, so that the sender leaves it alone. */
    private UUID email(String status) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into email_delivery (id, dedup_key, category, kind, recipient, language, status, next_attempt_at,
                                            created_at)
                values (?1, ?2, 'registration', 'confirmed', 'retention@example.org', 'fr', ?3, ?4, ?5)""")
                .setParameter(1, id).setParameter(2, "retention-" + id).setParameter(3, status)
                .setParameter(4, OffsetDateTime.now(clock).plusDays(10_000)).setParameter(5, OffsetDateTime.now(clock))
                .executeUpdate());
        return id;
    }

    private UUID withdrawal() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into alert_consent_withdrawal (subscription_id, email_sha256, kind, consent_text_version,
                                                      consent_at, withdrawn_at, channel)
                values (?1, repeat('a', 64), 'EVENTS', '2026-11-15', ?2, ?2, 'MANAGE_LINK')""")
                .setParameter(1, id).setParameter(2, OffsetDateTime.now(clock)).executeUpdate());
        return id;
    }

    private String notice() {
        String key = "retention-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into undeliverable_notice (dedup_key, topic, kind, recorded_at)
                values (?1, 'funding.notices.v1', 'request-reminder', ?2)""")
                .setParameter(1, key).setParameter(2, OffsetDateTime.now(clock)).executeUpdate());
        return key;
    }

    private long count(String table, String column, Object value) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from " + table + " where " + column + " = ?1").setParameter(1, value)
                .getSingleResult()).longValue());
    }

    private static double removed(String dataset) {
        return PrometheusMetrics.scrape().sum("sudia_retention_removed_total", "dataset=\"" + dataset + "\"");
    }
}
