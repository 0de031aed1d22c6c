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
@Schema(name = "EligibilityConditions", description = "Conditions a company must meet; absent ones do not apply")
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
        Boolean requiresLabel) {

    /** Sets are kept in their natural order, so that equal conditions are stored and shown alike. */
    public EligibilityConditions {
        companyCategories = EnumSets.ordered(companyCategories);
        legalForms = EnumSets.ordered(legalForms);
        sectors = EnumSets.ordered(sectors);
        strategicSectors = EnumSets.ordered(strategicSectors);
        stages = EnumSets.ordered(stages);
    }

    public static final EligibilityConditions NONE = new EligibilityConditions(null, null, null, null, null, null, null,
            null, null, null, null, null);

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "minAgeYears must not exceed maxAgeYears")
    public boolean isAgeRangeOrdered() {
        return minAgeYears == null || maxAgeYears == null || minAgeYears <= maxAgeYears;
    }
}
