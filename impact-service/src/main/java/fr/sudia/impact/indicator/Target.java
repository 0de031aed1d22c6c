package fr.sudia.impact.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "The plan's target for the indicator, with the sentence of the plan it comes from")
public record Target(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Schema(example = "5") BigDecimal value,
        @NotBlank @Size(max = 40) @Schema(example = "calls", description = "Must be the indicator's unit") String unit,
        @NotNull @Schema(example = "2024-01-01") LocalDate periodStart,
        @NotNull @Schema(example = "2028-12-31") LocalDate periodEnd,
        @NotBlank @Size(max = 2000) @Schema(example = "Mesure 5 : Organiser un Challenge IA par an jusqu'en 2028") String planSentence,
        @Size(max = 500) @Schema(example = "Plan Sud pour des intelligences artificielles 2024-2028") String source) {
}
