package fr.sudia.label.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An applicant's self-assessment against one question of the charter. */
@Schema(description = "MET: respecté / met; PARTIALLY_MET: partiellement respecté / partially met; NOT_MET: non respecté / not met; NOT_APPLICABLE: sans objet / not applicable (only where the question allows it)")
public enum AnswerValue {
    MET,
    PARTIALLY_MET,
    NOT_MET,
    /** Only where the question allows it, with a justification like any answer. */
    NOT_APPLICABLE
}
