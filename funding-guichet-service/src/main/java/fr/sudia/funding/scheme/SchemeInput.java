package fr.sudia.funding.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import fr.sudia.funding.eligibility.EligibilityConditions;
import fr.sudia.platform.validation.HttpUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A scheme as editors write it (create and replace). */
@Schema(name = "SchemeInput", description = "A support or funding scheme, as an editor writes it")
public record SchemeInput(
        @NotBlank @Size(max = 200) @Schema(examples = "Mon assistant IA") String name,
        @NotBlank @Size(max = 200) @Schema(examples = "Région Sud") String provider,
        @NotNull Level level,
        @NotNull SchemeKind kind,
        @NotEmpty @Size(max = 5) @Schema(description = "The 360° pillars it serves") Set<@NotNull Pillar> pillars,
        @NotBlank @Size(max = 10_000) String descriptionFr,
        @Size(max = 10_000) @Schema(nullable = true) String descriptionEn,
        @PositiveOrZero @Schema(description = "Smallest amount per company, euros", nullable = true) Long amountMinEur,
        @PositiveOrZero @Schema(description = "Largest amount per company, euros", nullable = true) Long amountMaxEur,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Share of the costs funded, percent", nullable = true)
        BigDecimal fundingRatePercent,
        @PositiveOrZero @Schema(description = "Whole envelope of the scheme, euros", examples = "300000", nullable = true)
        Long envelopeEur,
        @Schema(description = "Whether the envelope is per year") boolean envelopePerYear,
        @Positive @Schema(description = "Length of the programme, months", nullable = true) Integer durationMonths,
        @Schema(description = "First day applications are accepted; none means already open", nullable = true) LocalDate opensOn,
        @Size(max = 50) @Schema(description = "Application deadlines (inclusive)") List<@NotNull LocalDate> deadlines,
        @Schema(description = "Open without deadline") boolean ongoing,
        @Size(max = 500) @HttpUrl
        @Schema(examples = "https://www.maregionsud.fr", nullable = true) String applicationUrl,
        @Size(max = 500) @Schema(nullable = true) String contact,
        @Valid @Schema(description = "Eligibility conditions; none means open to all") EligibilityConditions conditions,
        @Schema(description = "The directory organization providing the scheme, whose advisors may change it. An advisor "
                + "may only name its own (the default); an admin any, or none (then only admins change it).",
                examples = "5b0e8f4a-2c1d-4e6f-9a7b-3c2d1e0f9a8b", nullable = true) UUID providerOrganizationId) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "amountMinEur must not exceed amountMaxEur")
    public boolean isAmountRangeOrdered() {
        return amountMinEur == null || amountMaxEur == null || amountMinEur <= amountMaxEur;
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "every deadline must fall on or after opensOn")
    public boolean isDeadlinesAfterOpening() {
        return opensOn == null || deadlines == null || deadlines.stream().allMatch(d -> d == null || !d.isBefore(opensOn));
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "a scheme is either ongoing or has at least one deadline")
    public boolean isDatesGiven() {
        return ongoing || deadlines != null && !deadlines.isEmpty();
    }
}
