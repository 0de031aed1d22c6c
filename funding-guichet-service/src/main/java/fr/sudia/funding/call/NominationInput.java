package fr.sudia.funding.call;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "CallNominationInput")
public record NominationInput(
        @NotNull Nomination.NomineeKind nomineeKind,
        @NotBlank @Size(max = 300) @Schema(examples = "Projet HarcèlementStop") String nomineeName,
        @Schema(nullable = true, description = "Directory id of the organization behind the project, if any") UUID organizationId,
        @Size(max = 100) @Schema(nullable = true, description = "One of the prize's categories") String category,
        @NotBlank @Size(max = 5000) @Schema(examples = "Un projet lycéen qui a changé la vie de l'établissement.") String reason) {
}
