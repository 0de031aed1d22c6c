package fr.sudia.notifications.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import fr.sudia.notifications.email.Emails;
import fr.sudia.platform.text.ControlCharacters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Turns matched items into emails: an INSTANT subscription's at once (in the transaction that matched them), the
 * DAILY and WEEKLY ones gathered into one digest per subscription and period. Each email is queued once (its
 * deduplication key names the subscription and its first item) and its items marked sent in the same
 * transaction; a job runs on one replica at a time (advisory lock), and running it again sends nothing more.
 */
@ApplicationScoped
public class AlertDispatch {

    private static final Logger LOG = Logger.getLogger(AlertDispatch.class);
    private static final long DIGEST_LOCK = 0x5D1A_A1E7_0000_0001L;
    private static final int MAX_ITEMS_PER_DIGEST = 100;

    private final EntityManager entityManager;
    private final Emails emails;
    private final Alerts alerts;
    private final Clock clock;

    AlertDispatch(EntityManager entityManager, Emails emails, Alerts alerts, Clock clock) {
        this.entityManager = entityManager;
        this.emails = emails;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Queues one email per unsent item of INSTANT subscriptions; call in the transaction that inserted them. */
    public void sendInstant() {
        @SuppressWarnings("unchecked")
        List<AlertItem> items = entityManager.createNativeQuery("""
                select i.* from alert_item i join alert_subscription s on s.id = i.subscription_id
                where i.sent_at is null and s.frequency = 'INSTANT' and s.status = 'CONFIRMED'
                order by i.created_at for update of i skip locked""", AlertItem.class).getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (AlertItem item : items) {
            AlertSubscription s = AlertSubscription.findById(item.subscriptionId);
            queue(s, List.of(item), "alert-item/" + item.id, false, now);
        }
    }

    @Scheduled(cron = "{sudia.notifications.alerts.daily-digest-cron}", timeZone = "Europe/Paris",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        sendDigests(AlertKind.DAILY);
    }

    @Scheduled(cron = "{sudia.notifications.alerts.weekly-digest-cron}", timeZone = "Europe/Paris",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void weekly() {
        sendDigests(AlertKind.WEEKLY);
    }

    /** Sends the digests of this frequency (every pending item); returns how many were queued (0 on another replica's turn). */
    public int sendDigests(String frequency) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, DIGEST_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            @SuppressWarnings("unchecked")
            List<UUID> due = entityManager.createNativeQuery("""
                    select distinct s.id from alert_subscription s join alert_item i on i.subscription_id = s.id
                    where s.frequency = ?1 and s.status = 'CONFIRMED' and i.sent_at is null""")
                    .setParameter(1, frequency).getResultList();
            int sent = 0;
            for (UUID id : due) {
                AlertSubscription s = AlertSubscription.findById(id);
                List<AlertItem> items = AlertItem.<AlertItem>find("subscriptionId = ?1 and sentAt is null order by createdAt, id", id)
                        .page(0, MAX_ITEMS_PER_DIGEST).list();
                // Keyed by its first item: a digest queued twice (a retried run) is one email, a later one is another.
                if (queue(s, items, "alert-digest/" + id + "/" + items.get(0).id, true, now)) {
                    sent++;
                }
            }
            if (sent > 0) {
                LOG.infof("%d %s alert digests queued", sent, frequency);
            }
            return sent;
        });
    }

    /** Queues the email of these items (nothing when the alert was unsubscribed) and marks them sent. */
    private boolean queue(AlertSubscription s, List<AlertItem> items, String dedupKey, boolean digest, OffsetDateTime now) {
        items.forEach(item -> item.sentAt = now);
        if (alerts.unsubscribed(s)) {
            return false;
        }
        boolean en = "en".equals(s.language);
        Map<String, Object> data = new HashMap<>();
        data.put("kind", s.kind);
        data.put("digest", digest);
        data.put("what", AlertTexts.describe(s));
        data.put("items", items.stream().map(item -> AlertTexts.line(item, en)).toList());
        data.put("manageUrl", alerts.manageUrl(s.email));
        String subject = digest ? (en ? "Your Sud IA alert: " + items.size() + " new" : "Votre alerte Sud IA : " + items.size() + " nouveauté(s)")
                : AlertTexts.line(items.get(0), en).title();
        if (!digest) {
            subject = switch (s.kind) {
                case AlertKind.EVENTS -> (en ? "New event: " : "Nouvel événement : ") + subject;
                case AlertKind.DEADLINES -> (en ? "Deadline in 7 days: " : "Date limite dans 7 jours : ") + subject;
                case AlertKind.CALLS -> (en ? "New call: " : "Nouvel appel : ") + subject;
                default -> (en ? "New scheme for your organization: " : "Nouveau dispositif pour votre organisation : ") + subject;
            };
        }
        return emails.queue(new Emails.Message(dedupKey, s.category(), "alert", s.email, s.language,
                ControlCharacters.cleanLine(subject), data, null));
    }
}
