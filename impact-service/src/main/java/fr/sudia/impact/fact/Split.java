package fr.sudia.impact.fact;

/**
 * How a source record's value is partitioned into fact rows: {@code TOTAL} is one row; the others are several rows
 * adding up to the total as the source split it (by audience, school level, commune, sector). Dimensions the source
 * did not cross (an audience's commune) cannot be combined.
 */
public enum Split {
    TOTAL, AUDIENCE, LEVEL, COMMUNE, SECTOR
}
