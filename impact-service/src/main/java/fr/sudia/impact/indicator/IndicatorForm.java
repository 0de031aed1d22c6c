package fr.sudia.impact.indicator;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "An indicator as admins write it (the id is taken from the path on updates)")
public record IndicatorForm(
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 60) @Schema(example = "ai-challenges-held") String id,
        @Min(0) @Max(10000) @Schema(example = "50", description = "Order on the dashboard") Integer position,
        @NotNull @Valid LocalizedText name,
        @NotNull @Valid LocalizedText definition,
        @NotNull @Size(min = 1, max = 22) @Schema(example = "[5]", description = "The Mesures of the plan it measures (1 to 22)")
        List<@NotNull @Min(1) @Max(22) Integer> planMeasures,
        @NotBlank @Size(max = 40) @Schema(example = "calls") String unit,
        @NotNull @Valid Computation computation,
        @NotNull @Size(max = 8) @Schema(example = "[\"year\", \"department\"]",
                description = "Among audience, department, commune, place, sector, year, quarter, month")
        List<@NotBlank String> breakdowns,
        @Valid Target target) {
}
