package fr.sudia.funding.scheme;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of schemes, and the facets of the whole result. */
@Schema(name = "SchemeSearchResult")
public record SchemeSearchResult(
        List<SchemeView> items,
        @Schema(description = "Pass back as cursor for the next page; null on the last page", nullable = true) String nextCursor,
        @Schema(description = "Schemes found, all pages") long total,
        @Schema(description = "Counts over the whole result per facet (level, kind, provider, pillar, open) and value")
        Map<String, Map<String, Long>> facets) {
}
