package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** directory-service's headcount bands (INSEE/EU boundaries), with the headcounts each one covers. */
@Schema(description = "Effectif / headcount: NONE: 0; FROM_1_TO_9: 1-9; FROM_10_TO_49: 10-49; FROM_50_TO_249: 50-249; "
        + "FROM_250_TO_4999: 250-4999; FROM_5000: 5000+")
public enum HeadcountBand {
    NONE(0, 0),
    FROM_1_TO_9(1, 9),
    FROM_10_TO_49(10, 49),
    FROM_50_TO_249(50, 249),
    FROM_250_TO_4999(250, 4999),
    FROM_5000(5000, Integer.MAX_VALUE);

    public final int min;
    public final int max;

    HeadcountBand(int min, int max) {
        this.min = min;
        this.max = max;
    }
}
