package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The usual French legal forms of the companies and bodies the desk serves. */
@Schema(description = "EI: entreprise individuelle / sole proprietorship; EURL, SARL: sociétés à responsabilité limitée / "
        + "limited liability companies; SAS, SASU: sociétés par actions simplifiées / simplified joint-stock "
        + "companies; SA: société anonyme / public limited company; SCOP: société coopérative et participative "
        + "/ workers' cooperative; SCIC: société coopérative d'intérêt collectif / multi-stakeholder "
        + "cooperative; ASSOCIATION: association; PUBLIC_BODY: organisme public / public body; OTHER: autre / "
        + "other")
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
