package fr.sudia.funding.eligibility;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * What the desk knows of a company when matching it against the catalogue. Every field is optional: a
 * condition that needs a missing fact is UNKNOWN, never guessed.
 */
@Schema(name = "CompanyProfile", description = "A company's facts; leave out what you do not know")
public record CompanyProfile(
        @PositiveOrZero @Schema(description = "Headcount (annual work units)", examples = "5", nullable = true) Integer headcount,
        @Schema(description = "Headcount band, when the exact headcount is not known", nullable = true) HeadcountBand headcountBand,
        @PositiveOrZero @Schema(description = "Annual turnover in euros", examples = "400000", nullable = true) Long annualTurnoverEur,
        @PositiveOrZero @Schema(description = "Balance-sheet total in euros", nullable = true) Long balanceSheetTotalEur,
        @Min(1800) @Max(2100) @Schema(examples = "2023", nullable = true) Integer foundedYear,
        @Schema(nullable = true) LegalForm legalForm,
        @NafCode @Schema(examples = "62.01Z", nullable = true) String nafCode,
        @Pattern(regexp = "\\d{2}|2A|2B|97\\d", message = "must be a French department code such as 06")
        @Schema(examples = "06", nullable = true) String department,
        Set<@NotNull Sector> sectors,
        Set<@NotNull StrategicSector> strategicSectors,
        @Schema(nullable = true) CompanyStage stage,
        @Schema(description = "Whether the company holds a valid Sud IA label", nullable = true) Boolean holdsLabel) {

    /** Sectors in their declared order, whatever order they came in: the same profile is shown alike. */
    public CompanyProfile {
        sectors = EnumSets.ordered(sectors);
        strategicSectors = EnumSets.ordered(strategicSectors);
    }
}
