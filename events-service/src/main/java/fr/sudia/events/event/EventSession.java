package fr.sudia.events.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A talk, round table or workshop within an edition, with its speakers and room. */
@Entity
@Table(name = "event_session")
public class EventSession extends PanacheEntityBase {

    /** Sessions one event may hold: a congress programme, not an unbounded list that the API answers whole. */
    public static final int MAX_PER_EVENT = 100;

    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    public String kind;
    public String title;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    public String room;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> speakers = new ArrayList<>();
}
