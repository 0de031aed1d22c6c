package fr.sudia.platform.freshness;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The version of a body of public content (a calendar, a catalogue), kept in memory so that public reads can be
 * answered from caches keyed by it, and revalidations without touching the database. The version lives in a
 * one-row table {@code (value bigint, changed_at timestamptz)}; every transaction that changes the content
 * {@link #bump() bumps} it and sends {@code NOTIFY channel}, so that this instance learns of the change when the
 * transaction commits and every other instance within milliseconds ({@link VersionNotifications}).
 * A service declares one {@code @Singleton} subclass per body of content (no client proxy: the class has no
 * no-argument constructor).
 */
public abstract class NotifiedVersion {

    public record Snapshot(long value, Instant changedAt) {
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(0, Instant.EPOCH));
    private final String table;
    private final String channel;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    /**
     * @param table the one-row table holding the version
     * @param channel the NOTIFY channel; a PostgreSQL identifier (letters, digits, underscores)
     */
    protected NotifiedVersion(String table, String channel, EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.table = table;
        this.channel = channel;
        this.em = em;
        this.transactions = transactions;
    }

    public Snapshot current() {
        return current.get();
    }

    public String channel() {
        return channel;
    }

    /**
     * Records a change of the content in the current transaction; visible once it commits. Once per transaction: a
     * transaction that changes many rows (a batch) bumps and notifies once.
     */
    @Transactional(TxType.MANDATORY)
    public void bump() {
        if (transactions.getResource(this) != null) {
            return;
        }
        transactions.putResource(this, Boolean.TRUE);
        Object[] row = (Object[]) em.createNativeQuery("update " + table + " set value = value + 1,"
                + " changed_at = greatest(changed_at, date_trunc('second', clock_timestamp()) + interval '1 second')"
                + " returning value, changed_at").getSingleResult();
        Snapshot next = new Snapshot(((Number) row[0]).longValue(), instant(row[1]));
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, channel)
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

    /** Reads the committed version: at start, and after a lost connection to the notifications. */
    public void reload() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em
                .createNativeQuery("select value, changed_at from " + table).getSingleResult());
        advance(new Snapshot(((Number) row[0]).longValue(), instant(row[1])));
    }

    /** A version seen elsewhere; never goes back. */
    public void advance(Snapshot seen) {
        current.accumulateAndGet(seen, (mine, theirs) -> theirs.value() > mine.value() ? theirs : mine);
    }

    /** A notification's payload, {@code value@epochMillis}. */
    void advance(String payload) {
        String[] parts = payload.split("@");
        advance(new Snapshot(Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
