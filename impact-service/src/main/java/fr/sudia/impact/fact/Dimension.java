package fr.sudia.impact.fact;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a measured figure can be broken down by (the {@code breakdown} of series and of indicators). */
public enum Dimension {
    AUDIENCE("f.audience"),
    DEPARTMENT("coalesce(f.department, o.department)"),
    COMMUNE("coalesce(f.commune, o.commune)"),
    PLACE("f.place"),
    SECTOR("f.sector"),
    YEAR("to_char(f.occurred_at at time zone 'Europe/Paris', 'YYYY')"),
    QUARTER("to_char(f.occurred_at at time zone 'Europe/Paris', 'YYYY-\"Q\"Q')"),
    MONTH("to_char(f.occurred_at at time zone 'Europe/Paris', 'YYYY-MM')");

    /** The SQL expression over {@code measured_fact f left join known_organization o}. */
    final String sql;

    Dimension(String sql) {
        this.sql = sql;
    }

    public boolean isPeriod() {
        return this == YEAR || this == QUARTER || this == MONTH;
    }

    /** The lower-case name used in the API and in indicator definitions, e.g. {@code department}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> of(String key) {
        return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst();
    }
}
