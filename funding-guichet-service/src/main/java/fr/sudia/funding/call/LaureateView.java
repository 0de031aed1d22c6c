package fr.sudia.funding.call;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A laureate, on a call's public list of results. */
@Schema(name = "CallLaureate")
public record LaureateView(UUID applicationId, @Schema(examples = "Lycée Les Eucalyptus") String applicantName,
        ApplicantType applicantType, @Schema(nullable = true) UUID organizationId, String title,
        @Schema(nullable = true) String category, @Schema(nullable = true) Long amountEur,
        @Schema(examples = "Lauréat Challenge IA 2026") String awardTitle) {
}
