package fr.sudia.impact.fact;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/** One row of {@code measured_fact} to write; the optional dimensions are set fluently. */
public final class FactRow {

    final Metric metric;
    final Split split;
    final long value;
    final OffsetDateTime occurredAt;
    UUID subject;
    String item;
    String audience;
    String level;
    String department;
    String commune;
    String place;
    String sector;
    String kind;
    String measures;

    private FactRow(Metric metric, Split split, long value, OffsetDateTime occurredAt) {
        this.metric = metric;
        this.split = split;
        this.value = value;
        this.occurredAt = occurredAt;
    }

    public static FactRow of(Metric metric, Split split, long value, OffsetDateTime occurredAt) {
        return new FactRow(metric, split, value, occurredAt);
    }

    public FactRow subject(UUID subject) {
        this.subject = subject;
        return this;
    }

    public FactRow item(String item) {
        this.item = item;
        return this;
    }

    public FactRow audience(String audience) {
        this.audience = audience;
        return this;
    }

    public FactRow level(String level) {
        this.level = level;
        return this;
    }

    public FactRow department(String department) {
        this.department = department;
        return this;
    }

    public FactRow commune(String commune) {
        this.commune = commune;
        return this;
    }

    public FactRow place(String place) {
        this.place = place;
        return this;
    }

    public FactRow sector(String sector) {
        this.sector = sector;
        return this;
    }

    public FactRow kind(String kind) {
        this.kind = kind;
        return this;
    }

    /** The plan's Mesures the source record serves, kept as {@code ,7,8,} for a containment test. */
    public FactRow measures(Collection<Integer> measures) {
        this.measures = measures == null || measures.isEmpty() ? null
                : measures.stream().map(String::valueOf).collect(Collectors.joining(",", ",", ","));
        return this;
    }
}
