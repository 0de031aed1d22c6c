package fr.sudia.impact.publication;

import java.math.BigDecimal;

/** Figures as people write them: 100000, not 100000.00 nor 1E+5. */
public final class Numbers {

    private Numbers() {
    }

    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
