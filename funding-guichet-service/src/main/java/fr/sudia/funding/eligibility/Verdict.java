package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scheme's overall answer for a profile, in ranking order. */
@Schema(description = "ELIGIBLE: éligible / eligible; POSSIBLY_ELIGIBLE: peut-être éligible, des informations manquent / "
        + "possibly eligible, some facts are missing; NOT_ELIGIBLE: non éligible / not eligible")
public enum Verdict {
    /** Every condition passes. */
    ELIGIBLE,
    /** None fails, some cannot be decided for lack of data. */
    POSSIBLY_ELIGIBLE,
    /** At least one condition fails. */
    NOT_ELIGIBLE;

    public static Verdict of(int failed, int unknown) {
        return failed > 0 ? NOT_ELIGIBLE : unknown > 0 ? POSSIBLY_ELIGIBLE : ELIGIBLE;
    }
}
