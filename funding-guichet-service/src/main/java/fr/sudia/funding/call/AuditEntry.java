package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who changed what of a call, when: written in the transaction of the change, never updated. */
@Entity
@Table(name = "call_audit")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    /** CALL, APPLICATION, JUROR, CONFLICT, REVIEW, DECISION. */
    @Column(nullable = false)
    public String entity;

    @Column(name = "entity_id", nullable = false)
    public UUID entityId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public OffsetDateTime at;

    /** JSON: what changed. */
    @Column(nullable = false)
    public String details;
}
