package fr.sudia.notifications.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.notifications.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The partners' delivery log is deleted past its retention (30 days by default), a pending delivery never. */
@QuarkusTest
class WebhookLogRetentionTest {

    @Inject
    EntityManager entityManager;

    @Inject
    WebhookLogRetention retention;

    @Inject
    TestClock clock;

    private final UUID subscription = UUID.randomUUID();

    /**
     * The rows written here are removed: a pending delivery left behind would be picked up by the sender, whose
     * attempts (a DNS lookup of the partner's host) would delay the other tests' deliveries.
     */
    @AfterEach
    void resetClockAndRemoveTheRows() {
        clock.reset();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from webhook_attempt where delivery_id in (select id from webhook_delivery where subscription_id = ?1)")
                    .setParameter(1, subscription).executeUpdate();
            entityManager.createNativeQuery("delete from webhook_delivery where subscription_id = ?1").setParameter(1, subscription).executeUpdate();
            entityManager.createNativeQuery("delete from webhook_subscription where id = ?1").setParameter(1, subscription).executeUpdate();
        });
    }

    @Test
    void deliveriesAndTheirAttemptsGoAfterTheRetentionPendingOnesStay() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into webhook_subscription (id, organization_id, owner_email, url, event_types, secret, status, created_at)
                    values (?1, 'org', 'tech@partner.example.org', 'https://partner.example.org/hook',
                      '{fr.sudia.events.event.cancelled}', 'whsec_AAAA', 'DISABLED', ?2)""")
                    .setParameter(1, subscription).setParameter(2, now).executeUpdate();
            insertDelivery(subscription, "old-delivered", "DELIVERED", now.minusDays(31));
            insertDelivery(subscription, "old-pending", "PENDING", now.minusDays(31));
            insertDelivery(subscription, "recent", "FAILED", now.minusDays(29));
        });

        retention.purgeDue();

        assertEquals(2, count("select count(*) from webhook_delivery where subscription_id = ?1", subscription));
        assertEquals(0, count("select count(*) from webhook_delivery where subscription_id = ?1 and dedup_key = 'old-delivered'", subscription));
        assertEquals(0, count("""
                select count(*) from webhook_attempt a where not exists (select 1 from webhook_delivery d where d.id = a.delivery_id)""", null));
        clock.advance(Duration.ofDays(2));
        retention.purgeDue();
        assertEquals(1, count("select count(*) from webhook_delivery where subscription_id = ?1", subscription));
    }

    private void insertDelivery(UUID subscription, String key, String status, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, dedup_key, event_type, payload, status, attempts, created_at)
                values (?1, ?2, ?3, 'fr.sudia.events.event.cancelled', '{}', ?4, 1, ?5)""")
                .setParameter(1, id).setParameter(2, subscription).setParameter(3, key).setParameter(4, status)
                .setParameter(5, at).executeUpdate();
        entityManager.createNativeQuery("""
                insert into webhook_attempt (delivery_id, attempted_at, status_code, duration_ms) values (?1, ?2, 200, 12)""")
                .setParameter(1, id).setParameter(2, at).executeUpdate();
    }

    private long count(String sql, UUID subscription) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            if (subscription != null) {
                query.setParameter(1, subscription);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
