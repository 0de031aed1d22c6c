package fr.sudia.impact.fact;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an indicator aggregates its metric's fact rows. */
@Schema(description = "SUM: somme des valeurs / sum of the values; COUNT_DISTINCT_SUBJECT: nombre d'organisations distinctes / number of distinct organizations; COUNT_DISTINCT_ITEM: nombre d'éléments distincts (appels tenus…) / number of distinct items (calls held…)")
public enum Aggregation {
    /** The sum of the rows' values (people, euros, labels). */
    SUM("coalesce(sum(f.value), 0)"),
    /** The number of distinct organizations the rows are about (companies helped, organizations that signed). */
    COUNT_DISTINCT_SUBJECT("count(distinct f.subject)"),
    /** The number of distinct items the rows belong to (calls held, from their laureates). */
    COUNT_DISTINCT_ITEM("count(distinct f.item)");

    final String sql;

    Aggregation(String sql) {
        this.sql = sql;
    }
}
