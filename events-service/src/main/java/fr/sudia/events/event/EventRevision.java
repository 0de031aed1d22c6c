package fr.sudia.events.event;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One version of an event: who made it, when, the fields it changed and the whole content it had. */
@Entity
@Table(name = "event_revision")
@IdClass(EventRevision.Key.class)
public class EventRevision extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Id
    public long version;

    public Instant at;

    public String actor;

    public String action;

    /** For a RESTORED revision, the version whose content it brought back. */
    @Column(name = "restored_from")
    public Long restoredFrom;

    /** {field: {from, to}} against the previous version. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String changes;

    /** The event's content at this version, as {@link EventInput} reads it. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String snapshot;

    static Optional<EventRevision> find(UUID eventId, long version) {
        return findByIdOptional(new Key(eventId, version));
    }

    static Optional<EventRevision> latest(UUID eventId) {
        return find("eventId = ?1 order by version desc", eventId).firstResultOptional();
    }

    static List<EventRevision> page(UUID eventId, long afterVersion, int limit) {
        return find("eventId = ?1 and version > ?2 order by version", eventId, afterVersion).page(0, limit).list();
    }

    public record Key(UUID eventId, long version) implements Serializable {
    }
}
