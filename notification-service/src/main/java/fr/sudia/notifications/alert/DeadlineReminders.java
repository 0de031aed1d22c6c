package fr.sudia.notifications.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Every morning, the deadlines of followed schemes that fall within the next 7 days (Europe/Paris calendar days)
 * become items of the DEADLINES alerts: once per subscription and deadline (its deduplication key), so that a second
 * run, a second replica or a later day sends nothing more. One replica at a time (advisory lock).
 */
@ApplicationScoped
public class DeadlineReminders {

    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);
    private static final long LOCK = 0x5D1A_A1E7_0000_0002L;

    private final EntityManager entityManager;
    private final AlertDispatch dispatch;
    private final Alerts alerts;
    private final Clock clock;
    private final int daysAhead;

    DeadlineReminders(EntityManager entityManager, AlertDispatch dispatch, Alerts alerts, Clock clock,
            @ConfigProperty(name = "sudia.notifications.alerts.deadline-days-ahead", defaultValue = "7") int daysAhead) {
        this.entityManager = entityManager;
        this.dispatch = dispatch;
        this.alerts = alerts;
        this.clock = clock;
        this.daysAhead = daysAhead;
    }

    @Scheduled(cron = "{sudia.notifications.alerts.deadline-cron}", timeZone = "Europe/Paris",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int added = remind();
        if (added > 0) {
            LOG.infof("%d deadline alerts due", added);
        }
        QuarkusTransaction.requiringNew().run(alerts::deleteExpired);
    }

    /** Adds the items of the deadlines now within reach and sends the INSTANT ones; returns how many were added. */
    public int remind() {
        LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(AlertTexts.REGION_ZONE).toLocalDate();
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            int added = entityManager.createNativeQuery("""
                    insert into alert_item (id, subscription_id, dedup_key, kind, title_fr, deadline, provider, link, created_at)
                    select gen_random_uuid(), s.id, 'deadline/' || sc.id || '/' || d, 'DEADLINE', sc.name, d, sc.provider,
                      sc.application_url, cast(?3 as timestamptz)
                    from alert_scheme sc cross join lateral unnest(sc.deadlines) as d
                    join alert_subscription s on sc.id = any(s.scheme_ids)
                    where sc.status = 'PUBLISHED' and d > cast(?1 as date) and d <= cast(?2 as date)
                      and s.kind = 'DEADLINES' and s.status = 'CONFIRMED'
                      and not exists (select 1 from suppression x where x.email = s.email
                                      and x.category in ('alerts.' || s.id, '*'))
                    on conflict (subscription_id, dedup_key) do nothing""")
                    .setParameter(1, today).setParameter(2, today.plusDays(daysAhead))
                    .setParameter(3, OffsetDateTime.now(clock)).executeUpdate();
            dispatch.sendInstant();
            return added;
        });
    }
}
