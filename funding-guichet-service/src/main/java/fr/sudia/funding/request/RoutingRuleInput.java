package fr.sudia.funding.request;

import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.funding.eligibility.CompanyCategory;
import fr.sudia.funding.scheme.Pillar;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A routing rule as an admin writes it. Empty criteria match every request. */
@Schema(name = "RoutingRuleInput")
public record RoutingRuleInput(
        @NotBlank @Size(max = 200) @Schema(examples = "Bpifrance Marseille") String partner,
        @NotBlank @Size(max = 200) @Schema(description = "The advisor's account (token subject)", examples = "advisor-bpi-1") String advisor,
        @Schema(description = "Pillars the advisor covers") Set<@NotNull Pillar> pillars,
        @Size(max = 100) @Schema(description = "Schemes the advisor covers") Set<@NotNull UUID> schemeIds,
        @Size(max = 110) Set<@NotNull @Pattern(regexp = "\\d{2}|2A|2B|97\\d", message = "must be a French department code such as 06") String> departments,
        Set<@NotNull CompanyCategory> companyCategories,
        @Schema(description = "Inactive rules route nothing; default true", nullable = true) Boolean active) {
}
