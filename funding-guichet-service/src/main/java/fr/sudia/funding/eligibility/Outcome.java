package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one condition fares against a profile. */
@Schema(name = "ConditionOutcome", description = "PASS: condition remplie / condition met; FAIL: condition non remplie / condition not met; UNKNOWN: "
        + "inconnu, le profil ne le dit pas / unknown, the profile does not say")
public enum Outcome {
    PASS,
    FAIL,
    /** The profile lacks the fact the condition needs. */
    UNKNOWN
}
