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

/** A member's request for help. Department and category default to the directory's entry of the organization. */
@Schema(name = "RequestInput")
public record RequestInput(
        @NotBlank @Size(max = 5_000)
        @Schema(examples = "Nous cherchons à financer le recrutement de deux data scientists pour industrialiser notre modèle.")
        String need,
        @NotEmpty @Size(max = 5) Set<@NotNull Pillar> pillars,
        @Size(max = 20) @Schema(description = "Schemes the company targets, if any") Set<@NotNull UUID> schemeIds,
        @Pattern(regexp = "\\d{2}|2A|2B|97\\d", message = "must be a French department code such as 06")
        @Schema(examples = "06", nullable = true) String department,
        @Schema(nullable = true) CompanyCategory companyCategory) {
}
