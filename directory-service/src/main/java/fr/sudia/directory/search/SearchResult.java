package fr.sudia.directory.search;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of an organization search, and the facet counts of the whole result. */
@Schema(name = "OrganizationSearchPage", description = "One page of organizations found, and the facet counts of all of them")
public record SearchResult(
        @Schema(type = SchemaType.ARRAY, implementation = OrganizationHit.class) List<StoredHit> items,
        @Schema(nullable = true, description = "Pass it back as `cursor` for the next page, with the same search "
                + "parameters; null on the last page") String nextCursor,
        Facets facets) {

    @Schema(name = "OrganizationFacets", description = "Counts over every organization the search found (not just this "
            + "page), with all the filters applied, including a facet's own filter. `kind` and `labelled` add up to "
            + "`total`; a multi-valued facet (sector, strategicSector, technique) counts an organization once under each "
            + "of its values; department and headcountBand leave out organizations that do not give one. Values with "
            + "no organization are absent.", examples = "{\"total\": 3, \"kind\": {\"STARTUP\": 2, \"RESEARCH_LAB\": 1}, "
                    + "\"sector\": {\"HEALTH\": 3}, \"strategicSector\": {\"HEALTH_THERAPIES\": 2}, "
                    + "\"technique\": {\"COMPUTER_VISION\": 2, \"DEEP_LEARNING\": 1}, \"department\": {\"06\": 3}, "
                    + "\"headcountBand\": {\"FROM_10_TO_49\": 2}, \"labelled\": {\"false\": 2, \"true\": 1}}")
    public record Facets(
            @Schema(description = "How many organizations the search found, over all pages") long total,
            Map<String, Long> kind,
            Map<String, Long> sector,
            @Schema(description = "The region's strategic sectors (OIR)") Map<String, Long> strategicSector,
            Map<String, Long> technique,
            Map<String, Long> department,
            Map<String, Long> headcountBand,
            @Schema(description = "\"true\": holds a valid Sud IA label; \"false\": does not") Map<String, Long> labelled) {
    }
}
