package fr.sudia.impact.fact;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;

import fr.sudia.impact.publication.ReadModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Writes the measured facts of source records, in the caller's transaction: a record's rows are replaced as a whole
 * when its version is newer than the one applied, and left alone otherwise. The result therefore depends only on the
 * set of versions received, never on their order or on how often each came; this is also what lets a batch be
 * applied in a few set-based statements (the rebuild's replay) with the same result as one event at a time.
 */
@ApplicationScoped
public class Facts {

    private final EntityManager entityManager;
    private final ReadModelVersion readModel;

    Facts(EntityManager entityManager, ReadModelVersion readModel) {
        this.entityManager = entityManager;
        this.readModel = readModel;
    }

    /**
     * Applies a version of a source record.
     *
     * @return whether this version was newer than the one applied (and its rows written)
     */
    public boolean apply(Projection projection) {
        return applyAll(List.of(projection)) == 1;
    }

    /**
     * Applies versions of source records, several versions of a record included, as if applied one by one.
     *
     * @return how many records got a newer version (and their rows written)
     */
    public int applyAll(List<Projection> projections) {
        if (projections.isEmpty()) {
            return 0;
        }
        readModel.bump();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> new Batch(connection).apply(projections));
    }

    private record SourceKey(String topic, String key) {
    }

    /** The versions of one record in a batch: the newest (the first of equal ones) and the earliest instant. */
    private static final class Received {
        Projection newest;
        OffsetDateTime earliest;

        Received(Projection projection) {
            newest = projection;
            earliest = projection.version().at();
        }

        void add(Projection projection) {
            if (projection.version().compareTo(newest.version()) > 0) {
                newest = projection;
            }
            if (projection.version().at().isBefore(earliest)) {
                earliest = projection.version().at();
            }
        }
    }

    private record Applied(SourceVersion version, OffsetDateTime firstAt) {
    }

    /** The statements of one batch, on the transaction's connection. */
    private static final class Batch {

        private final Connection connection;
        private final List<Object[]> versionUpdates = new ArrayList<>();
        private final List<SourceKey> replaced = new ArrayList<>();
        private final List<Object[]> redates = new ArrayList<>();
        private final List<Object[]> factRows = new ArrayList<>();
        private final Map<UUID, Projection.OrganizationPlace> organizations = new LinkedHashMap<>();

        Batch(Connection connection) {
            this.connection = connection;
        }

        int apply(List<Projection> projections) throws SQLException {
            Map<SourceKey, Received> received = new LinkedHashMap<>();
            for (Projection projection : projections) {
                received.compute(new SourceKey(projection.topic(), projection.key()),
                        (k, r) -> r == null ? new Received(projection) : add(r, projection));
            }
            int newer = 0;
            Map<SourceKey, Applied> applied = lockApplied(received.keySet());
            List<SourceKey> fresh = received.keySet().stream().filter(k -> !applied.containsKey(k)).toList();
            Set<SourceKey> inserted = insertFresh(fresh, received);
            for (SourceKey key : fresh) {
                Received r = received.get(key);
                if (inserted.contains(key)) {
                    write(key, r.newest, r.earliest);
                    newer++;
                }
            }
            List<SourceKey> raced = fresh.stream().filter(k -> !inserted.contains(k)).toList();
            if (!raced.isEmpty()) {
                // Another transaction wrote these records since the lock above: they are now applied versions.
                applied.putAll(lockApplied(raced));
            }
            for (Map.Entry<SourceKey, Applied> entry : applied.entrySet()) {
                if (received.containsKey(entry.getKey()) && merge(entry.getKey(), received.get(entry.getKey()), entry.getValue())) {
                    newer++;
                }
            }
            flush();
            return newer;
        }

        private static Received add(Received received, Projection projection) {
            received.add(projection);
            return received;
        }

        /** Merges the received versions of a record into the applied one; true when a newer version replaced it. */
        private boolean merge(SourceKey key, Received received, Applied applied) {
            OffsetDateTime first = received.earliest.isBefore(applied.firstAt()) ? received.earliest : applied.firstAt();
            boolean newer = received.newest.version().compareTo(applied.version()) > 0;
            if (newer || !first.equals(applied.firstAt())) {
                SourceVersion kept = newer ? received.newest.version() : applied.version();
                versionUpdates.add(new Object[] { key.topic(), key.key(), kept.number(), kept.at(), first });
            }
            if (newer) {
                replaced.add(key);
                write(key, received.newest, first);
            } else if (received.newest.datedByFirstAt() && !first.equals(applied.firstAt())) {
                redates.add(new Object[] { key.topic(), key.key(), applied.firstAt(), first });
            }
            return newer;
        }

        private void write(SourceKey key, Projection projection, OffsetDateTime first) {
            for (FactRow row : projection.rows().apply(first)) {
                factRows.add(new Object[] { key, row });
            }
            if (projection.organization() != null) {
                organizations.put(projection.organization().id(), projection.organization());
            }
        }

        private Map<SourceKey, Applied> lockApplied(Collection<SourceKey> keys) throws SQLException {
            Map<SourceKey, Applied> applied = new HashMap<>();
            // Locked in key order, so that two batches touching the same records cannot deadlock.
            try (PreparedStatement select = connection.prepareStatement("""
                    select s.topic, s.source_key, s.version_number, s.version_at, s.first_at
                    from source_version s join unnest(?::text[], ?::text[]) as k(topic, source_key)
                        on s.topic = k.topic and s.source_key = k.source_key
                    order by s.topic, s.source_key
                    for update of s""")) {
                select.setArray(1, texts(keys.stream().map(SourceKey::topic).toList()));
                select.setArray(2, texts(keys.stream().map(SourceKey::key).toList()));
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        applied.put(new SourceKey(result.getString(1), result.getString(2)),
                                new Applied(new SourceVersion(result.getLong(3), result.getObject(4, OffsetDateTime.class)),
                                        result.getObject(5, OffsetDateTime.class)));
                    }
                }
            }
            return applied;
        }

        private Set<SourceKey> insertFresh(List<SourceKey> fresh, Map<SourceKey, Received> received) throws SQLException {
            Set<SourceKey> inserted = new HashSet<>();
            if (fresh.isEmpty()) {
                return inserted;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into source_version (topic, source_key, version_number, version_at, first_at)
                    select * from unnest(?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::timestamptz[])
                    on conflict (topic, source_key) do nothing
                    returning topic, source_key""")) {
                insert.setArray(1, texts(fresh.stream().map(SourceKey::topic).toList()));
                insert.setArray(2, texts(fresh.stream().map(SourceKey::key).toList()));
                insert.setArray(3, connection.createArrayOf("bigint",
                        fresh.stream().map(k -> received.get(k).newest.version().number()).toArray()));
                insert.setArray(4, instants(fresh.stream().map(k -> received.get(k).newest.version().at()).toList()));
                insert.setArray(5, instants(fresh.stream().map(k -> received.get(k).earliest).toList()));
                try (ResultSet result = insert.executeQuery()) {
                    while (result.next()) {
                        inserted.add(new SourceKey(result.getString(1), result.getString(2)));
                    }
                }
            }
            return inserted;
        }

        private void flush() throws SQLException {
            if (!versionUpdates.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement("""
                        update source_version s set version_number = u.version_number, version_at = u.version_at,
                            first_at = u.first_at
                        from unnest(?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::timestamptz[])
                            as u(topic, source_key, version_number, version_at, first_at)
                        where s.topic = u.topic and s.source_key = u.source_key""")) {
                    update.setArray(1, texts(versionUpdates.stream().map(u -> (String) u[0]).toList()));
                    update.setArray(2, texts(versionUpdates.stream().map(u -> (String) u[1]).toList()));
                    update.setArray(3, connection.createArrayOf("bigint", versionUpdates.stream().map(u -> u[2]).toArray()));
                    update.setArray(4, instants(versionUpdates.stream().map(u -> (OffsetDateTime) u[3]).toList()));
                    update.setArray(5, instants(versionUpdates.stream().map(u -> (OffsetDateTime) u[4]).toList()));
                    update.executeUpdate();
                }
            }
            if (!replaced.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("""
                        delete from measured_fact m using unnest(?::text[], ?::text[]) as k(topic, source_key)
                        where m.topic = k.topic and m.source_key = k.source_key""")) {
                    delete.setArray(1, texts(replaced.stream().map(SourceKey::topic).toList()));
                    delete.setArray(2, texts(replaced.stream().map(SourceKey::key).toList()));
                    delete.executeUpdate();
                }
            }
            if (!redates.isEmpty()) {
                // An older version came late and moved the record's first appearance earlier: facts dated by it follow.
                try (PreparedStatement update = connection.prepareStatement("""
                        update measured_fact set occurred_at = ? where topic = ? and source_key = ? and occurred_at = ?""")) {
                    for (Object[] redate : redates) {
                        update.setObject(1, redate[3]);
                        update.setString(2, (String) redate[0]);
                        update.setString(3, (String) redate[1]);
                        update.setObject(4, redate[2]);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            insertRows();
            upsertOrganizations();
        }

        private void insertRows() throws SQLException {
            if (factRows.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into measured_fact (topic, source_key, metric, split, value, subject, item, occurred_at, audience,
                        level, department, commune, place, sector, kind, measures)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Object[] keyed : factRows) {
                    SourceKey key = (SourceKey) keyed[0];
                    FactRow row = (FactRow) keyed[1];
                    insert.setString(1, key.topic());
                    insert.setString(2, key.key());
                    insert.setString(3, row.metric.key());
                    insert.setString(4, row.split.name());
                    insert.setLong(5, row.value);
                    insert.setObject(6, row.subject, Types.OTHER);
                    insert.setString(7, row.item);
                    insert.setTimestamp(8, Timestamp.from(row.occurredAt.toInstant()));
                    insert.setString(9, row.audience);
                    insert.setString(10, row.level);
                    insert.setString(11, row.department);
                    insert.setString(12, row.commune);
                    insert.setString(13, row.place);
                    insert.setString(14, row.sector);
                    insert.setString(15, row.kind);
                    insert.setString(16, row.measures);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        /** The directory's view of each organization, for breakdowns of facts about it by where it is. */
        private void upsertOrganizations() throws SQLException {
            if (organizations.isEmpty()) {
                return;
            }
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into known_organization (id, department, commune, kind) values (?, ?, ?, ?)
                    on conflict (id) do update set department = excluded.department, commune = excluded.commune,
                        kind = excluded.kind""")) {
                for (Projection.OrganizationPlace place : organizations.values()) {
                    upsert.setObject(1, place.id());
                    upsert.setString(2, place.department());
                    upsert.setString(3, place.commune());
                    upsert.setString(4, place.kind());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }

        private Array texts(List<String> values) throws SQLException {
            return connection.createArrayOf("text", values.toArray());
        }

        /** Instants travel as ISO-8601 text, which PostgreSQL reads exactly into timestamptz. */
        private Array instants(List<OffsetDateTime> values) throws SQLException {
            return connection.createArrayOf("text", values.stream().map(OffsetDateTime::toString).toArray());
        }
    }
}
