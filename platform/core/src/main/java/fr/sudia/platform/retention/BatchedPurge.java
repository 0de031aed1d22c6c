package fr.sudia.platform.retention;

import java.time.OffsetDateTime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * Deletes the rows older than a cutoff a batch at a time, each batch in its own short transaction, so that a
 * purge never holds locks for long; a PostgreSQL advisory lock lets one replica purge at a time.
 *
 * @param deleteBatch a delete of at most {@code ?2} rows whose time is before {@code ?1}
 * @param lockKey the advisory lock key, one per table
 */
public record BatchedPurge(EntityManager entityManager, String deleteBatch, long lockKey, int batchSize) {

    /** @return how many rows were deleted (0 when another replica holds the purge) */
    public long olderThan(OffsetDateTime cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> deleteBatch(cutoff));
            total += Math.max(deleted, 0);
        } while (deleted == batchSize);
        return total;
    }

    /** Returns -1 when another replica is purging. */
    private int deleteBatch(OffsetDateTime cutoff) {
        Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, lockKey).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return -1;
        }
        return entityManager.createNativeQuery(deleteBatch)
                .setParameter(1, cutoff)
                .setParameter(2, batchSize)
                .executeUpdate();
    }
}
