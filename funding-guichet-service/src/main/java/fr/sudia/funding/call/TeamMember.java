package fr.sudia.funding.call;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A partner of a team application: another organization or a person. Never leaves the desk. */
@Schema(name = "CallTeamMember")
public record TeamMember(
        @NotBlank @Size(max = 200) @Schema(examples = "Lycée Les Eucalyptus") String name,
        @Schema(nullable = true, description = "Directory id when the partner is an organization") UUID organizationId,
        @Size(max = 200) @Schema(nullable = true, examples = "établissement partenaire") String role) {
}
