package fr.sudia.events.feed;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import fr.sudia.events.recurrence.OccurrenceStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The version of everything the public lists and feeds show. Kept in memory so that a revalidation
 * (If-None-Match, If-Modified-Since) is answered without touching the database; bumped in the database by
 * every transaction that changes public content, and learnt after the commit by this instance at once and by
 * the others through PostgreSQL NOTIFY ({@link CalendarNotifications}).
 */
@ApplicationScoped
public class CalendarVersion {

    public static final String CHANNEL = "calendar_changed";

    public record Snapshot(long value, Instant changedAt) {
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(0, Instant.EPOCH));
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    CalendarVersion(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    public Snapshot current() {
        return current.get();
    }

    /** Records a change of public content in the current transaction; visible once it commits. */
    @Transactional(TxType.MANDATORY)
    public void bump() {
        Object[] row = (Object[]) em.createNativeQuery("""
                update calendar_version set value = value + 1,
                       changed_at = greatest(changed_at, date_trunc('second', clock_timestamp()) + interval '1 second')
                returning value, changed_at""").getSingleResult();
        Snapshot next = new Snapshot(((Number) row[0]).longValue(), OccurrenceStore.instant(row[1]));
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL)
                .setParameter(2, next.value() + "@" + next.changedAt().toEpochMilli()).getSingleResult();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    advance(next);
                }
            }
        });
    }

    /** Reads the committed version, at start and after a lost connection to the notifications. */
    public void reload() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em
                .createNativeQuery("select value, changed_at from calendar_version").getSingleResult());
        advance(new Snapshot(((Number) row[0]).longValue(), OccurrenceStore.instant(row[1])));
    }

    void advance(Snapshot seen) {
        current.accumulateAndGet(seen, (mine, theirs) -> theirs.value() > mine.value() ? theirs : mine);
    }

    void advance(String payload) {
        String[] parts = payload.split("@");
        advance(new Snapshot(Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
    }
}
