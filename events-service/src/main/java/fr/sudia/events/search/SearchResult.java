package fr.sudia.events.search;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EventSearchResult", description = "One page of occurrences, and the facets of the whole result")
public record SearchResult(List<OccurrenceView> items,
        @Schema(nullable = true, description = "Pass back as cursor for the next page; null on the last") String nextCursor,
        Facets facets) {

    @Schema(name = "EventFacets", description = "Counts of distinct events over the whole result, all filters applied")
    public record Facets(@Schema(description = "Events found") long total, Map<String, Long> audience,
            @Schema(description = "The 20 most frequent") Map<String, Long> tag,
            @Schema(description = "The 20 most frequent") Map<String, Long> city, Map<String, Long> attendanceMode,
            Map<String, Long> status) {
    }
}
