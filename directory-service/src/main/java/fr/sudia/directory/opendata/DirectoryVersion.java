package fr.sudia.directory.opendata;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;

/**
 * The version of the public directory, for the open-data ETag and Last-Modified: every change to an
 * organization (registration, update, removal, moderation, label) moves its updated_at or label_changed_at.
 */
record DirectoryVersion(long published, long all, OffsetDateTime lastChange) {

    static DirectoryVersion current(EntityManager em) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*) filter (where deleted_at is null and moderation_status = 'PUBLISHED'),
                       count(*),
                       greatest(max(updated_at), max(label_changed_at))
                  from organization""").getSingleResult();
        OffsetDateTime last = row[2] == null ? null : toOffset(row[2]);
        return new DirectoryVersion(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), last);
    }

    EntityTag etag(String representation) {
        long micros = lastChange == null ? 0 : lastChange.toInstant().getEpochSecond() * 1_000_000
                + lastChange.toInstant().getNano() / 1_000;
        return new EntityTag(representation + "-" + published + "-" + all + "-" + Long.toString(micros, 36));
    }

    Date lastModified() {
        return Date.from((lastChange == null ? OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC) : lastChange)
                .toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
