package fr.sudia.label.charter;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An organization's signature of one charter version. Never deleted nor edited (a newer one supersedes it), except
 * that erasure replaces the signer's name and token subject by their pseudonym and clears the role: the hash of the
 * name stays, so that the organization can still show who signed.
 */
@Entity
@Table(name = "charter_signature")
public class CharterSignature extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "charter_version", nullable = false)
    public int charterVersion;

    @Column(name = "charter_hash", nullable = false)
    public String charterHash;

    @Column(name = "signer_name", nullable = false)
    public String signerName;

    /** SHA-256 (hex) of the signer's name as signed. */
    @Column(name = "signer_name_sha256", nullable = false)
    public String signerNameSha256;

    @Column(name = "signer_role")
    public String signerRole;

    @Column(name = "signed_by", nullable = false)
    public String signedBy;

    @Column(name = "signed_at", nullable = false)
    public OffsetDateTime signedAt;

    public UUID supersedes;

    public static Optional<CharterSignature> latestOf(UUID organizationId) {
        return CharterSignature.<CharterSignature>find("organizationId", Sort.descending("signedAt").and("id"),
                organizationId).firstResultOptional();
    }

    public static boolean hasSigned(UUID organizationId, int version) {
        return CharterSignature.count("organizationId = ?1 and charterVersion >= ?2", organizationId, version) > 0;
    }
}
