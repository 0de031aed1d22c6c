package fr.sudia.funding.eligibility;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organization's beneficiary facts as matching uses them: the directory's, completed by the applicant. */
@Schema(name = "Beneficiary")
public record BeneficiaryView(
        UUID organizationId,
        @Schema(description = "The directory's kind of the organization", examples = "PUBLIC_BODY") String directoryKind,
        @Schema(description = "The type the directory's kind tells, if it does", nullable = true) BeneficiaryType directoryType,
        @Schema(description = "The type matching uses: the directory's, else the applicant's", nullable = true) BeneficiaryType beneficiaryType,
        @Schema(nullable = true) LocalAuthorityKind localAuthorityKind,
        @Schema(nullable = true) Integer population,
        @Schema(nullable = true) DensityLevel densityLevel,
        @Schema(description = "Whether INSEE's density level makes it rural", nullable = true) Boolean rural,
        @Schema(nullable = true) Boolean qualiopiCertified,
        @Schema(description = "When the applicant last completed it", nullable = true) OffsetDateTime completedAt) {
}
