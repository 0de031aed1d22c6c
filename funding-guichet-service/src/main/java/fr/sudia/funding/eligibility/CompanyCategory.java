package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Company size category, by the EU SME definition (Recommendation 2003/361/EC) and the French ETI threshold
 * (décret 2008-1354): headcount, and annual turnover or balance-sheet total (either one suffices).
 */
@Schema(description = "TPE: très petite entreprise / micro-enterprise; PME: petite ou moyenne entreprise / SME; ETI: "
        + "entreprise de taille intermédiaire / mid-cap; GE: grande entreprise / large company")
public enum CompanyCategory {
    /** Micro-enterprise: under 10 people, turnover or balance sheet at most 2 M€. */
    TPE(10, 2_000_000L, 2_000_000L),
    /** Small and medium-sized: under 250 people, turnover at most 50 M€ or balance sheet at most 43 M€. */
    PME(250, 50_000_000L, 43_000_000L),
    /** Intermediate-sized: under 5,000 people, turnover at most 1.5 bn€ or balance sheet at most 2 bn€. */
    ETI(5_000, 1_500_000_000L, 2_000_000_000L),
    /** Large company: everything above. */
    GE(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    final int headcountBelow;
    final long turnoverAtMost;
    final long balanceSheetAtMost;

    CompanyCategory(int headcountBelow, long turnoverAtMost, long balanceSheetAtMost) {
        this.headcountBelow = headcountBelow;
        this.turnoverAtMost = turnoverAtMost;
        this.balanceSheetAtMost = balanceSheetAtMost;
    }

    /** The category of a company whose figures are all known. */
    public static CompanyCategory of(long headcount, long turnoverEur, long balanceSheetEur) {
        for (CompanyCategory category : values()) {
            if (headcount < category.headcountBelow
                    && (turnoverEur <= category.turnoverAtMost || balanceSheetEur <= category.balanceSheetAtMost)) {
                return category;
            }
        }
        return GE;
    }
}
