package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * What an organization's applicant declares to complete its directory entry: its type when the directory's kind
 * does not tell it (an incubator, a cluster, a public body…), and that type's facts. An organization is never an
 * INDIVIDUAL (individuals post their profile to the matching call).
 */
@Schema(name = "BeneficiaryInput", description = "The applicant's completion of its directory entry for eligibility")
public record BeneficiaryInput(
        @Schema(description = "Required unless the directory's kind tells it; must agree with it", nullable = true)
        BeneficiaryType beneficiaryType,
        @Schema(nullable = true) LocalAuthorityKind localAuthorityKind,
        @PositiveOrZero @Max(100_000_000) @Schema(examples = "850", nullable = true) Integer population,
        @Schema(nullable = true) DensityLevel densityLevel,
        @Schema(nullable = true) Boolean qualiopiCertified) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "an organization is not an INDIVIDUAL: individuals post their profile to /api/v1/eligibility/matches")
    public boolean isBeneficiaryTypeAnOrganization() {
        return beneficiaryType != BeneficiaryType.INDIVIDUAL;
    }
}
