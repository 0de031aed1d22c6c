package fr.sudia.funding.scheme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The form the support takes. */
@Schema(description = "GRANT: subvention / grant; LOAN: prêt / loan; RECOVERABLE_ADVANCE: avance remboursable / recoverable "
        + "advance; EQUITY: fonds propres / equity; GUARANTEE: garantie / guarantee; DIAGNOSTIC: diagnostic; "
        + "SUPPORT_PROGRAMME: programme d'accompagnement / support programme; TRAINING: formation / training")
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
