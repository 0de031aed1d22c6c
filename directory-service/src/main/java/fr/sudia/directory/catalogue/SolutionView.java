package fr.sudia.directory.catalogue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.directory.organization.ModerationStatus;

@Schema(name = "Solution", description = "An AI solution or offer of an organization of the region")
public record SolutionView(UUID id, UUID organizationId, @Schema(examples = "MammoScreen") String name,
        @Schema(nullable = true) String descriptionFr, @Schema(nullable = true) String descriptionEn,
        List<String> useCases, List<String> targetCustomers, List<String> sectors, ModerationStatus moderationStatus,
        @Schema(description = "Whether a member's change waits for an editor") boolean changePending, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static SolutionView of(Solution s) {
        return new SolutionView(s.id, s.organizationId, s.name, s.descriptionFr, s.descriptionEn,
                List.copyOf(s.useCases), List.copyOf(s.targetCustomers), List.copyOf(s.sectors), s.moderationStatus,
                s.pendingChange != null, s.createdAt, s.updatedAt);
    }
}
