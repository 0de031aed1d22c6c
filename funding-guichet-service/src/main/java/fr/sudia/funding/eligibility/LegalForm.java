package fr.sudia.funding.eligibility;

/** The usual French legal forms of the companies and bodies the desk serves. */
public enum LegalForm {
    EI,
    EURL,
    SARL,
    SAS,
    SASU,
    SA,
    SCOP,
    SCIC,
    ASSOCIATION,
    PUBLIC_BODY,
    OTHER
}
