package fr.sudia.directory.catalogue;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import fr.sudia.directory.organization.ModerationStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** What an organization offers in the directory (a solution, a training): owned, moderated, versioned. */
@MappedSuperclass
public abstract class CatalogueEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "moderation_status", nullable = false)
    public ModerationStatus moderationStatus = ModerationStatus.PUBLISHED;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    /** A member's replacement of a published entry, as its input JSON, until an editor approves or refuses it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pending_change")
    public String pendingChange;

    @Column(name = "pending_since")
    public OffsetDateTime pendingSince;

    @Version
    public long version;

    public boolean isPublic() {
        return deletedAt == null && moderationStatus == ModerationStatus.PUBLISHED;
    }
}
