package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * INSEE's communal density grid (grille communale de densité, 4 levels). Since INSEE's 2020 definition, rural
 * communes are the "peu denses" and "très peu denses" ones; the others are urban.
 */
@Schema(name = "DensityLevel", description = "INSEE's density grid: DENSE (dense), INTERMEDIATE (densité intermédiaire), "
        + "SPARSE (peu dense), VERY_SPARSE (très peu dense); the last two are rural")
public enum DensityLevel {
    DENSE("dense"),
    INTERMEDIATE("de densité intermédiaire"),
    SPARSE("peu dense"),
    VERY_SPARSE("très peu dense");

    public final String inseeWords;

    DensityLevel(String inseeWords) {
        this.inseeWords = inseeWords;
    }

    public boolean rural() {
        return this == SPARSE || this == VERY_SPARSE;
    }
}
