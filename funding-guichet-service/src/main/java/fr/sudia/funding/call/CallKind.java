package fr.sudia.funding.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The competitive calls of the plan. */
@Schema(description = "RESEARCH_CALL: appel à projets de recherche / research call; AI_CHALLENGE: défi IA / AI challenge; "
        + "PRIZE_OF_THE_YEAR: prix de l'année / prize of the year; EXCELLENCE_GRANTS: bourses d'excellence / "
        + "excellence grants")
public enum CallKind {
    /** The regional research call (Mesure 17). */
    RESEARCH_CALL,
    /** One AI Challenge edition a year until 2028, each with its theme (Mesure 5). */
    AI_CHALLENGE,
    /** The "personnalité et projet IA de l'année", with its categories (Mesure 1). */
    PRIZE_OF_THE_YEAR,
    /** The Fonds excellence IA's grants to researchers and Master/PhD students (Mesure 21). */
    EXCELLENCE_GRANTS;

    /** How a laureate's award reads on a public profile, e.g. "Lauréat Challenge IA 2026". */
    public String awardTitle(int year, String category) {
        String base = switch (this) {
            case RESEARCH_CALL -> "Lauréat de l'appel à projets recherche IA " + year;
            case AI_CHALLENGE -> "Lauréat Challenge IA " + year;
            case PRIZE_OF_THE_YEAR -> "Lauréat Prix IA de l'année " + year;
            case EXCELLENCE_GRANTS -> "Lauréat Bourses excellence IA " + year;
        };
        return category == null ? base : base + " — " + category;
    }
}
