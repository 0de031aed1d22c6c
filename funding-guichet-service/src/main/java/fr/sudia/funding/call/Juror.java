package fr.sudia.funding.call;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A juror of one call: a user (token subject) with the role {@code reviewer} or {@code juror}, assigned by an admin. */
@Entity
@Table(name = "call_juror")
@IdClass(Juror.Key.class)
public class Juror extends PanacheEntityBase {

    public record Key(UUID callId, String subject) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "call_id")
    public UUID callId;

    @Id
    public String subject;

    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;

    @Column(name = "assigned_at", nullable = false)
    public OffsetDateTime assignedAt;
}
