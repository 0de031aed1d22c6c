package fr.sudia.label.application;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The Idempotency-Key of a submission already made: a retry gets the same answer and moves nothing. Keys belong to
 * the organization that applies, so that two organizations choosing the same key never meet.
 */
@Entity
@Table(name = "submission_request")
@IdClass(SubmissionRequest.Key.class)
public class SubmissionRequest extends PanacheEntityBase {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    public static SubmissionRequest find(UUID organizationId, String idempotencyKey) {
        return findById(new Key(organizationId, idempotencyKey));
    }

    public record Key(UUID organizationId, String idempotencyKey) implements Serializable {
    }
}
