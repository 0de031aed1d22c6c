package fr.sudia.label.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One decision or state change: who, when, what and why. Rows are never deleted nor changed, except that erasure
 * replaces the actor by their pseudonym (a trigger refuses anything else); {@link AuditChain} chains them by hash.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    public SubjectType subjectType;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(nullable = false)
    public String action;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    public String reason;

    /** HMAC-SHA256 of the actor under the pseudonym key: what the chain hashes, kept when the actor is erased. */
    @Column(name = "actor_digest")
    public String actorDigest;

    /** SHA-256 of the reason, kept when a reason naming a person is erased. */
    @Column(name = "reason_digest")
    public String reasonDigest;

    /** SHA-256 of the previous entry's hash and this entry's canonical content. */
    @Column(name = "entry_hash")
    public String entryHash;

    @Schema(description = "CHARTER: charte / charter; SIGNATURE: signature de la charte / charter signature; APPLICATION: candidature au label / label application; LABEL: label")
    public enum SubjectType {
        CHARTER, SIGNATURE, APPLICATION, LABEL
    }
}
