package fr.sudia.label.label;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A "Sud IA" label granted to a directory organization. */
@Entity
@Table(name = "label")
public class Label extends PanacheEntityBase {

    /** Years a label is valid, from its grant or its last renewal. */
    public static final int VALIDITY_YEARS = 2;

    @Id
    public String number;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "application_id")
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LabelCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LabelStatus status;

    @Column(name = "status_since", nullable = false)
    public OffsetDateTime statusSince;

    @Column(name = "granted_on", nullable = false)
    public LocalDate grantedOn;

    /** The last day the label is valid. */
    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Column(name = "charter_version", nullable = false)
    public int charterVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "suspension_kind")
    public SuspensionKind suspensionKind;

    @Column(name = "suspension_reason")
    public String suspensionReason;

    @Column(name = "suspended_until")
    public LocalDate suspendedUntil;

    /** Position in the credentials' status lists. */
    @Column(name = "status_index", nullable = false)
    public int statusIndex;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The end of validity the holders were told of as coming (label.notices.v1), so that they are told once. */
    @Column(name = "expiry_noticed_for")
    public LocalDate expiryNoticedFor;

    public static Optional<Label> findCurrentOf(UUID organizationId) {
        return Label.<Label>find("organizationId = ?1 and status in ?2", organizationId,
                java.util.List.of(LabelStatus.VALID, LabelStatus.SUSPENDED)).firstResultOptional();
    }
}
