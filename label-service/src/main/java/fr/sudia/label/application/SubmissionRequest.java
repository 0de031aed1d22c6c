package fr.sudia.label.application;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The Idempotency-Key of a submission already made: a retry gets the same answer and moves nothing. */
@Entity
@Table(name = "submission_request")
public class SubmissionRequest extends PanacheEntityBase {

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;
}
