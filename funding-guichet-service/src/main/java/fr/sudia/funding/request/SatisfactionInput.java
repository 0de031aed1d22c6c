package fr.sudia.funding.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The member's answer to "were you helped well?". */
@Schema(name = "SatisfactionInput")
public record SatisfactionInput(
        @NotNull @Min(1) @Max(5) @Schema(description = "1 (not at all) to 5 (fully)", examples = "4") Integer score,
        @Size(max = 2_000) @Schema(nullable = true) String comment) {
}
