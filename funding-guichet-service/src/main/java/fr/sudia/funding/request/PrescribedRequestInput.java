package fr.sudia.funding.request;

import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.funding.eligibility.CompanyCategory;
import fr.sudia.funding.scheme.Pillar;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A request a prescriber files on behalf of a very small business (a TPE), which must confirm it. */
@Schema(name = "PrescribedRequestInput")
public record PrescribedRequestInput(
        @NotNull @Schema(description = "The business's directory organization id (its members' `org` claim)",
                examples = "6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10") UUID organizationId,
        @NotBlank @Size(max = 5_000)
        @Schema(examples = "La boulangerie souhaite un assistant IA pour ses commandes et sa communication.") String need,
        @NotEmpty @Size(max = 5) Set<@NotNull Pillar> pillars,
        @Size(max = 20) @Schema(description = "Schemes targeted, if any (Mon assistant IA…)") Set<@NotNull UUID> schemeIds,
        @Pattern(regexp = "\\d{2}|2A|2B|97\\d", message = "must be a French department code such as 06")
        @Schema(examples = "83", nullable = true) String department,
        @Schema(description = "TPE only, when given", nullable = true) CompanyCategory companyCategory) {
}
