package fr.sudia.impact.indicator;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.impact.fact.Aggregation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

@Schema(description = "How the indicator is computed from the measured facts: a metric of the read model (each fed by "
        + "one topic), an aggregation, and optional filters (audience, level, kind, measure) the metric supports")
public record Computation(
        @NotBlank @Schema(example = "attendance.present", description = "One of the metrics listed at GET /api/impact/v1/metrics")
        String metric,
        @NotNull @Schema(example = "SUM") Aggregation aggregation,
        @Schema(example = "{\"audience\": \"PUPIL\"}") Map<String, String> filters) {
}
