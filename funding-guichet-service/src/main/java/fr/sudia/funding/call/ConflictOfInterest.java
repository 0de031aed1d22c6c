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

/** A juror's declared conflict of interest with one application: the juror no longer reviews it. */
@Entity
@Table(name = "call_conflict")
@IdClass(ConflictOfInterest.Key.class)
public class ConflictOfInterest extends PanacheEntityBase {

    public record Key(UUID applicationId, String juror) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Id
    public String juror;

    @Column(nullable = false)
    public String reason;

    @Column(name = "declared_at", nullable = false)
    public OffsetDateTime declaredAt;
}
