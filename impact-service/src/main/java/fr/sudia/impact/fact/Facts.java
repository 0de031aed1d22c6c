package fr.sudia.impact.fact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.hibernate.Session;

import fr.sudia.impact.publication.ReadModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Writes the measured facts of one source record, in the caller's transaction: the record's rows are replaced as a
 * whole when its version is newer than the one applied, and left alone otherwise. The result therefore depends only
 * on the set of versions received, never on their order or on how often each came.
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
     * Applies a version of a source record. {@code rows} receives the earliest instant any version of the record
     * carried ({@code firstAt}); facts dated by it ({@code datedByFirstAt}) move earlier when an older version
     * arrives late.
     *
     * @return whether this version was newer than the one applied (and its rows written)
     */
    public boolean apply(String topic, String key, SourceVersion version, boolean datedByFirstAt,
            Function<OffsetDateTime, List<FactRow>> rows) {
        readModel.bump();
        return entityManager.unwrap(Session.class)
                .doReturningWork(connection -> apply(connection, topic, key, version, datedByFirstAt, rows));
    }

    private static boolean apply(Connection connection, String topic, String key, SourceVersion version,
            boolean datedByFirstAt, Function<OffsetDateTime, List<FactRow>> rows) throws SQLException {
        SourceVersion applied = null;
        OffsetDateTime firstAt = null;
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into source_version (topic, source_key, version_number, version_at, first_at) values (?, ?, ?, ?, ?)
                on conflict (topic, source_key) do nothing""")) {
            insert.setString(1, topic);
            insert.setString(2, key);
            insert.setLong(3, version.number());
            insert.setObject(4, version.at());
            insert.setObject(5, version.at());
            if (insert.executeUpdate() == 0) {
                try (PreparedStatement select = connection.prepareStatement("""
                        select version_number, version_at, first_at from source_version
                        where topic = ? and source_key = ? for update""")) {
                    select.setString(1, topic);
                    select.setString(2, key);
                    try (ResultSet result = select.executeQuery()) {
                        result.next();
                        applied = new SourceVersion(result.getLong(1), result.getObject(2, OffsetDateTime.class));
                        firstAt = result.getObject(3, OffsetDateTime.class);
                    }
                }
            }
        }
        if (applied == null) {
            writeRows(connection, topic, key, rows.apply(version.at()), true);
            return true;
        }
        OffsetDateTime first = version.at().isBefore(firstAt) ? version.at() : firstAt;
        boolean newer = version.compareTo(applied) > 0;
        if (newer || !first.equals(firstAt)) {
            try (PreparedStatement update = connection.prepareStatement("""
                    update source_version set version_number = ?, version_at = ?, first_at = ?
                    where topic = ? and source_key = ?""")) {
                SourceVersion kept = newer ? version : applied;
                update.setLong(1, kept.number());
                update.setObject(2, kept.at());
                update.setObject(3, first);
                update.setString(4, topic);
                update.setString(5, key);
                update.executeUpdate();
            }
        }
        if (newer) {
            writeRows(connection, topic, key, rows.apply(first), false);
        } else if (datedByFirstAt && !first.equals(firstAt)) {
            redate(connection, topic, key, firstAt, first);
        }
        return newer;
    }

    /** An older version came late and moved the record's first appearance earlier: facts dated by it follow. */
    private static void redate(Connection connection, String topic, String key, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update measured_fact set occurred_at = ? where topic = ? and source_key = ? and occurred_at = ?""")) {
            update.setObject(1, to);
            update.setString(2, topic);
            update.setString(3, key);
            update.setObject(4, from);
            update.executeUpdate();
        }
    }

    private static void writeRows(Connection connection, String topic, String key, List<FactRow> rows, boolean fresh)
            throws SQLException {
        if (!fresh) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from measured_fact where topic = ? and source_key = ?")) {
                delete.setString(1, topic);
                delete.setString(2, key);
                delete.executeUpdate();
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into measured_fact (topic, source_key, metric, split, value, subject, item, occurred_at, audience,
                    level, department, commune, place, sector, kind, measures)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (FactRow row : rows) {
                insert.setString(1, topic);
                insert.setString(2, key);
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

    /** The directory's view of an organization, for breakdowns of facts about it by where it is. */
    public void knowOrganization(UUID id, String department, String commune, String kind) {
        readModel.bump();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into known_organization (id, department, commune, kind) values (?, ?, ?, ?)
                    on conflict (id) do update set department = excluded.department, commune = excluded.commune,
                        kind = excluded.kind""")) {
                upsert.setObject(1, id);
                upsert.setString(2, department);
                upsert.setString(3, commune);
                upsert.setString(4, kind);
                upsert.executeUpdate();
            }
        });
    }
}
