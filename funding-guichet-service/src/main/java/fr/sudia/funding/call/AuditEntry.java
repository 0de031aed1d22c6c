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

/**
 * Who changed what of a call, when: written in the transaction of the change, chained to the call's previous entry
 * ({@link AuditChain}); never updated, except an erased person's identifiers replaced by their pseudonym.
 */
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

    /** HMAC-SHA256 of the actor with the pseudonym key: what the chain covers, left as it was by an erasure. */
    @Column(name = "actor_digest", nullable = false)
    public String actorDigest;

    /** sha256 of the previous entry's hash (of the same call) and this entry's canonical content ({@link AuditChain}). */
    @Column(name = "entry_hash", nullable = false)
    public String entryHash;
}
