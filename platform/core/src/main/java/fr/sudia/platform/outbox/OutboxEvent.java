package fr.sudia.platform.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event waiting in (or already relayed from) the transactional outbox. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String type;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** The W3C trace context current when the event was written; null outside a trace. */
    public String traceparent;

    public String tracestate;

    /** The oldest events not yet relayed, in the order they were written. */
    public static List<OutboxEvent> pending(int limit) {
        return find("sentAt is null order by seq").page(0, limit).list();
    }

    public static long countPending() {
        return count("sentAt is null");
    }

    /** How many events wait, and when the oldest of them was written (null when none waits). */
    public static Backlog backlog() {
        Object[] row = getEntityManager()
                .createQuery("select count(e), min(e.occurredAt) from OutboxEvent e where e.sentAt is null", Object[].class)
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), (OffsetDateTime) row[1]);
    }

    public record Backlog(long pending, OffsetDateTime oldestOccurredAt) {
    }
}
