package fr.sudia.funding.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One criterion of a call's scoring grid: a juror scores it from 0 to {@code maxScore}; {@code weight} counts in the ranking. */
@Schema(name = "CallCriterion")
public record Criterion(
        @NotBlank @Pattern(regexp = "[a-z][a-zA-Z0-9_]{0,39}", message = "must be a short identifier such as 'impact'")
        @Schema(examples = "impact") String id,
        @NotBlank @Size(max = 300) @Schema(examples = "Impact pour le territoire") String label,
        @DecimalMin(value = "0", inclusive = false) @Schema(examples = "2") double weight,
        @Min(1) @Max(1000) @Schema(examples = "10") int maxScore) {
}
