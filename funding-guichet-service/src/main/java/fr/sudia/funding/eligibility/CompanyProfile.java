package fr.sudia.funding.eligibility;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * What the desk knows of an applicant when matching it against the catalogue: a company, or any other beneficiary
 * type with its own facts. Every field is optional: a condition that needs a missing fact is UNKNOWN, never guessed.
 * A type's own facts need that type (a population is a local authority's), and an individual has no company facts.
 */
@Schema(name = "CompanyProfile", description = "An applicant's facts (a company's, or another beneficiary type's); "
        + "leave out what you do not know")
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
        @Schema(description = "Its markets; null when not known", nullable = true) Set<@NotNull Sector> sectors,
        @Schema(description = "The region's strategic sectors it belongs to; null when not known", nullable = true)
        Set<@NotNull StrategicSector> strategicSectors,
        @Schema(nullable = true) CompanyStage stage,
        @Schema(description = "Whether the company holds a valid Sud IA label", nullable = true) Boolean holdsLabel,
        @Schema(description = "The applicant's type; unknown when left out", nullable = true) BeneficiaryType beneficiaryType,
        @Schema(description = "LOCAL_AUTHORITY only: commune, EPCI or department", nullable = true) LocalAuthorityKind localAuthorityKind,
        @PositiveOrZero @Max(100_000_000)
        @Schema(description = "LOCAL_AUTHORITY only: population (INSEE's municipal population)", examples = "850", nullable = true)
        Integer population,
        @Schema(description = "LOCAL_AUTHORITY only: level in INSEE's density grid; SPARSE and VERY_SPARSE are rural", nullable = true)
        DensityLevel densityLevel,
        @Schema(description = "TRAINING_BODY only: whether it holds the Qualiopi certification", nullable = true) Boolean qualiopiCertified,
        @Schema(description = "INDIVIDUAL only: researcher, PhD or Master student", nullable = true) IndividualStatus individualStatus) {

    /** Sectors in their declared order, whatever order they came in: the same profile is shown alike. */
    public CompanyProfile {
        sectors = EnumSets.ordered(sectors);
        strategicSectors = EnumSets.ordered(strategicSectors);
    }

    /** A company's profile, without the facts of the other beneficiary types. */
    public CompanyProfile(Integer headcount, HeadcountBand headcountBand, Long annualTurnoverEur, Long balanceSheetTotalEur,
            Integer foundedYear, LegalForm legalForm, String nafCode, String department, Set<Sector> sectors,
            Set<StrategicSector> strategicSectors, CompanyStage stage, Boolean holdsLabel) {
        this(headcount, headcountBand, annualTurnoverEur, balanceSheetTotalEur, foundedYear, legalForm, nafCode, department,
                sectors, strategicSectors, stage, holdsLabel, null, null, null, null, null, null);
    }

    /** The same profile with the beneficiary facts given (the directory's type completed by the applicant). */
    public CompanyProfile withBeneficiary(BeneficiaryType type, LocalAuthorityKind kind, Integer population,
            DensityLevel density, Boolean qualiopi, IndividualStatus status) {
        return new CompanyProfile(headcount, headcountBand, annualTurnoverEur, balanceSheetTotalEur, foundedYear, legalForm,
                nafCode, department, sectors, strategicSectors, stage, holdsLabel, type, kind, population, density, qualiopi,
                status);
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "localAuthorityKind, population and densityLevel describe a local authority: give beneficiaryType LOCAL_AUTHORITY")
    public boolean isLocalAuthorityFactsOfALocalAuthority() {
        return localAuthorityKind == null && population == null && densityLevel == null
                || beneficiaryType == BeneficiaryType.LOCAL_AUTHORITY;
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "qualiopiCertified describes a training body: give beneficiaryType TRAINING_BODY")
    public boolean isQualiopiCertifiedOfATrainingBody() {
        return qualiopiCertified == null || beneficiaryType == BeneficiaryType.TRAINING_BODY;
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "individualStatus describes an individual: give beneficiaryType INDIVIDUAL")
    public boolean isIndividualStatusOfAnIndividual() {
        return individualStatus == null || beneficiaryType == BeneficiaryType.INDIVIDUAL;
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "an INDIVIDUAL has no company facts (headcount, headcountBand, annualTurnoverEur, "
            + "balanceSheetTotalEur, legalForm, nafCode, stage)")
    public boolean isIndividualWithoutCompanyFacts() {
        return beneficiaryType != BeneficiaryType.INDIVIDUAL || headcount == null && headcountBand == null
                && annualTurnoverEur == null && balanceSheetTotalEur == null && legalForm == null && nafCode == null
                && stage == null;
    }
}
