package fr.sudia.funding.eligibility;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The eligibility conditions of a scheme, as data. Each condition left out (null or empty) does not apply;
 * each one given must hold. The schema is closed: an unknown condition is a 400.
 */
@Schema(name = "EligibilityConditions", description = "Conditions an applicant must meet; absent ones do not apply")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EligibilityConditions(
        @Schema(description = "Accepted size categories (EU SME definition): the company must be one of them")
        Set<@NotNull CompanyCategory> companyCategories,
        @PositiveOrZero @Max(200) @Schema(description = "Minimum age in years (this year minus the founding year)", examples = "0")
        Integer minAgeYears,
        @PositiveOrZero @Max(200) @Schema(description = "Maximum age in years", examples = "8")
        Integer maxAgeYears,
        Set<@NotNull LegalForm> legalForms,
        @Size(max = 200) @Schema(description = "NAF rév. 2 codes (any level: 62, 62.0, 62.01, 62.01Z); the company's code must fall under one")
        List<@NotNull @NafCode String> nafCodesAccepted,
        @Size(max = 200) @Schema(description = "NAF rév. 2 codes the company's code must not fall under")
        List<@NotNull @NafCode String> nafCodesExcluded,
        @Schema(description = "Whether the company must be located in the Région Sud (departments 04, 05, 06, 13, 83, 84)")
        Boolean inRegion,
        @Size(max = 110) @Schema(description = "Departments the company must be located in")
        List<@NotNull @Pattern(regexp = "\\d{2}|2A|2B|97\\d", message = "must be a French department code such as 06") String> departments,
        @Schema(description = "Markets: the company must work in at least one")
        Set<@NotNull Sector> sectors,
        @Schema(description = "The region's strategic sectors (OIR): the company must belong to at least one")
        Set<@NotNull StrategicSector> strategicSectors,
        Set<@NotNull CompanyStage> stages,
        @Schema(description = "Whether the company must hold the Sud IA label (signed ethical charter)")
        Boolean requiresLabel,
        @Schema(description = "Accepted beneficiary types: the applicant must be one of them. Size categories and stages "
                + "apply to companies only")
        Set<@NotNull BeneficiaryType> beneficiaryTypes,
        @Schema(description = "Local authorities only: accepted tiers (commune, EPCI, department)")
        Set<@NotNull LocalAuthorityKind> localAuthorityKinds,
        @PositiveOrZero @Max(100_000_000) @Schema(description = "Local authorities only: smallest population", nullable = true)
        Integer minPopulation,
        @PositiveOrZero @Max(100_000_000) @Schema(description = "Local authorities only: largest population", examples = "3500", nullable = true)
        Integer maxPopulation,
        @Schema(description = "Local authorities only: rural (true) or urban (false) by INSEE's density grid (peu dense and "
                + "très peu dense are rural)", nullable = true)
        Boolean rural,
        @Schema(description = "Training bodies only: must hold the Qualiopi certification", nullable = true)
        Boolean requiresQualiopi,
        @Schema(description = "Individuals only: accepted statuses (researcher, PhD student, Master student)")
        Set<@NotNull IndividualStatus> individualStatuses) {

    /** Sets are kept in their natural order, so that equal conditions are stored and shown alike. */
    public EligibilityConditions {
        companyCategories = EnumSets.ordered(companyCategories);
        legalForms = EnumSets.ordered(legalForms);
        sectors = EnumSets.ordered(sectors);
        strategicSectors = EnumSets.ordered(strategicSectors);
        stages = EnumSets.ordered(stages);
        beneficiaryTypes = EnumSets.ordered(beneficiaryTypes);
        localAuthorityKinds = EnumSets.ordered(localAuthorityKinds);
        individualStatuses = EnumSets.ordered(individualStatuses);
    }

    /** A company's conditions, without those on the other beneficiary types. */
    public EligibilityConditions(Set<CompanyCategory> companyCategories, Integer minAgeYears, Integer maxAgeYears,
            Set<LegalForm> legalForms, List<String> nafCodesAccepted, List<String> nafCodesExcluded, Boolean inRegion,
            List<String> departments, Set<Sector> sectors, Set<StrategicSector> strategicSectors, Set<CompanyStage> stages,
            Boolean requiresLabel) {
        this(companyCategories, minAgeYears, maxAgeYears, legalForms, nafCodesAccepted, nafCodesExcluded, inRegion,
                departments, sectors, strategicSectors, stages, requiresLabel, null, null, null, null, null, null, null);
    }

    public static final EligibilityConditions NONE = new EligibilityConditions(null, null, null, null, null, null, null,
            null, null, null, null, null);

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "minPopulation must not exceed maxPopulation")
    public boolean isPopulationRangeOrdered() {
        return minPopulation == null || maxPopulation == null || minPopulation <= maxPopulation;
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "beneficiaryTypes must include the types the other conditions are about: COMPANY for "
            + "companyCategories and stages, LOCAL_AUTHORITY for localAuthorityKinds, minPopulation, maxPopulation and "
            + "rural, TRAINING_BODY for requiresQualiopi, INDIVIDUAL for individualStatuses")
    public boolean isBeneficiaryTypesConsistent() {
        if (beneficiaryTypes == null || beneficiaryTypes.isEmpty()) {
            return true;
        }
        boolean company = (companyCategories != null && !companyCategories.isEmpty()) || (stages != null && !stages.isEmpty());
        boolean localAuthority = (localAuthorityKinds != null && !localAuthorityKinds.isEmpty()) || minPopulation != null
                || maxPopulation != null || rural != null;
        boolean individual = individualStatuses != null && !individualStatuses.isEmpty();
        return (!company || beneficiaryTypes.contains(BeneficiaryType.COMPANY))
                && (!localAuthority || beneficiaryTypes.contains(BeneficiaryType.LOCAL_AUTHORITY))
                && (!Boolean.TRUE.equals(requiresQualiopi) || beneficiaryTypes.contains(BeneficiaryType.TRAINING_BODY))
                && (!individual || beneficiaryTypes.contains(BeneficiaryType.INDIVIDUAL));
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "minAgeYears must not exceed maxAgeYears")
    public boolean isAgeRangeOrdered() {
        return minAgeYears == null || maxAgeYears == null || minAgeYears <= maxAgeYears;
    }
}
