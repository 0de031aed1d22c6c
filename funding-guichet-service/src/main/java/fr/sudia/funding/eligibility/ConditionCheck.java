package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One condition of a scheme, checked against a profile, with the reason in words. */
@Schema(name = "ConditionCheck")
public record ConditionCheck(
        @Schema(description = "The condition's name in EligibilityConditions", examples = "companyCategories") String condition,
        Outcome outcome,
        @Schema(examples = "A company of 5 people is a TPE; accepted: TPE, PME") String explanation) {
}
