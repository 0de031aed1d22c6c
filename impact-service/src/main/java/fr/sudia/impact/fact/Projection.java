package fr.sudia.impact.fact;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What one event says of its source record: the record's identity and version, and the facts of that version. The
 * facts are computed only when the version is newer than the one applied, from the earliest instant any version of
 * the record carried ({@code datedByFirstAt} facts move earlier when an older version arrives late).
 *
 * @param organization the directory's view of an organization, recorded with the version (null for other topics)
 */
public record Projection(String topic, String key, SourceVersion version, boolean datedByFirstAt,
        Function<OffsetDateTime, List<FactRow>> rows, OrganizationPlace organization) {

    public static Projection of(String topic, String key, SourceVersion version, boolean datedByFirstAt,
            Function<OffsetDateTime, List<FactRow>> rows) {
        return new Projection(topic, key, version, datedByFirstAt, rows, null);
    }

    public Projection withOrganization(UUID id, String department, String commune, String kind) {
        return new Projection(topic, key, version, datedByFirstAt, rows, new OrganizationPlace(id, department, commune, kind));
    }

    /** Where an organization is, to break down facts about it by department and commune. */
    public record OrganizationPlace(UUID id, String department, String commune, String kind) {
    }
}
