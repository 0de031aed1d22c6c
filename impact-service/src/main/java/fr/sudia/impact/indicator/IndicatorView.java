package fr.sudia.impact.indicator;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.impact.fact.Aggregation;
import fr.sudia.impact.fact.Metric;

@Schema(description = "An indicator of the plan")
public record IndicatorView(
        @Schema(example = "ai-challenges-held") String id,
        int position,
        LocalizedText name,
        LocalizedText definition,
        List<Integer> planMeasures,
        @Schema(example = "calls") String unit,
        ComputationView computation,
        List<String> breakdowns,
        @Schema(nullable = true, description = "null: the plan gives no target") Target target,
        @Schema(description = "The ETag of this definition (If-Match of updates)") long version,
        OffsetDateTime updatedAt) {

    @Schema(description = "How the indicator is computed, with the metric's own description and source topic")
    public record ComputationView(String metric, Aggregation aggregation, Map<String, String> filters, String topic,
            String description) {
    }

    public static IndicatorView of(Indicator i) {
        Metric metric = Metric.of(i.metric).orElseThrow();
        return new IndicatorView(i.id, i.position, new LocalizedText(i.nameFr, i.nameEn),
                new LocalizedText(i.definitionFr, i.definitionEn), i.planMeasures, i.unit,
                new ComputationView(i.metric, Aggregation.valueOf(i.aggregation), new TreeMap<>(i.filters), metric.topic(),
                        metric.description()),
                i.breakdowns,
                i.hasTarget() ? new Target(fr.sudia.impact.publication.Numbers.plain(i.targetValue), i.targetUnit, i.targetStart, i.targetEnd, i.targetSentence, i.targetSource)
                        : null,
                i.version, i.updatedAt);
    }
}
