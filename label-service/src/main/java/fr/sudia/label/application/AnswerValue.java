package fr.sudia.label.application;

/** An applicant's self-assessment against one question of the charter. */
public enum AnswerValue {
    MET,
    PARTIALLY_MET,
    NOT_MET,
    /** Only where the question allows it, with a justification like any answer. */
    NOT_APPLICABLE
}
