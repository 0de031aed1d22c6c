package fr.sudia.funding.scheme;

/** The form the support takes. */
public enum SchemeKind {
    GRANT,
    LOAN,
    RECOVERABLE_ADVANCE,
    EQUITY,
    GUARANTEE,
    DIAGNOSTIC,
    SUPPORT_PROGRAMME,
    TRAINING
}
