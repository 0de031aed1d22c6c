package fr.sudia.funding.eligibility;

/** How one condition fares against a profile. */
public enum Outcome {
    PASS,
    FAIL,
    /** The profile lacks the fact the condition needs. */
    UNKNOWN
}
