package fr.sudia.directory.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Headcount bands, on the INSEE/EU SME boundaries. */
@Schema(description = "Effectif / headcount: NONE: 0; FROM_1_TO_9: 1-9; FROM_10_TO_49: 10-49; FROM_50_TO_249: 50-249; "
        + "FROM_250_TO_4999: 250-4999; FROM_5000: 5000+")
public enum HeadcountBand {
    NONE("0"),
    FROM_1_TO_9("1-9"),
    FROM_10_TO_49("10-49"),
    FROM_50_TO_249("50-249"),
    FROM_250_TO_4999("250-4999"),
    FROM_5000("5000+");

    public final String label;

    HeadcountBand(String label) {
        this.label = label;
    }
}
