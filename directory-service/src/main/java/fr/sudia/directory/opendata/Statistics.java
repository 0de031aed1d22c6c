package fr.sudia.directory.opendata;

import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts of the public directory, for the region's dashboards. */
@Schema(name = "DirectoryStatistics", description = "Counts of the published organizations")
public record Statistics(
        @Schema(description = "Published organizations", examples = "142") long total,
        @Schema(description = "Of which holding a valid Sud IA label", examples = "12") long labelled,
        @Schema(description = "labelled / total, from 0 to 1 (0 when the directory is empty)", examples = "0.0845") double labelledShare,
        @Schema(description = "By kind; every kind is listed, the counts add up to total") Map<String, Long> byKind,
        @Schema(description = "By sector; an organization counts in each of its sectors, those without any under NONE")
        Map<String, Long> bySector,
        @Schema(description = "By strategic sector (OIR); as bySector") Map<String, Long> byStrategicSector,
        @Schema(description = "By AI technique; as bySector") Map<String, Long> byTechnique,
        @Schema(description = "By department code; those without one under UNKNOWN; the counts add up to total")
        Map<String, Long> byDepartment,
        @Schema(description = "When the directory last changed") OffsetDateTime lastChange) {
}
