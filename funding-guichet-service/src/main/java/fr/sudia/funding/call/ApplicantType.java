package fr.sudia.funding.call;

/** Who may apply to a call. */
public enum ApplicantType {
    COMPANY,
    LOCAL_AUTHORITY,
    ASSOCIATION,
    TRAINING_BODY,
    RESEARCH_LAB,
    SCHOOL,
    /** A researcher, PhD or Master student applying in their own name (no organization on the public events). */
    INDIVIDUAL
}
