package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a company stands in its life. */
@Schema(description = "PROJECT: projet / project; SEED: amorçage / seed; GROWTH: croissance / growth; SCALE_UP: changement "
        + "d'échelle / scale-up; ESTABLISHED: établie / established")
public enum CompanyStage {
    PROJECT,
    SEED,
    GROWTH,
    SCALE_UP,
    ESTABLISHED
}
