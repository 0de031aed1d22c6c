package fr.sudia.directory.catalogue;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.directory.organization.ModerationStatus;

@Schema(name = "Training", description = "An AI training programme of the region")
public record TrainingView(UUID id, UUID organizationId, String name, @Schema(nullable = true) String level,
        String institution, String city, @Schema(nullable = true) String descriptionFr,
        @Schema(nullable = true) String website, ModerationStatus moderationStatus,
        @Schema(description = "Whether a member's change waits for an editor") boolean changePending, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static TrainingView of(Training t) {
        return new TrainingView(t.id, t.organizationId, t.name, t.level, t.institution, t.city, t.descriptionFr,
                t.website, t.moderationStatus, t.pendingChange != null, t.createdAt, t.updatedAt);
    }
}
