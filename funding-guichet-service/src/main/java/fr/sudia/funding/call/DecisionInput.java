package fr.sudia.funding.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The deliberation on one application. */
@Schema(name = "CallDecisionInput")
public record DecisionInput(
        @NotNull Outcome outcome,
        @NotBlank @Size(max = 10000) @Schema(description = "The jury's reasons, kept for the record", examples = "Projet le mieux classé, fort impact dans les lycées.") String reasons,
        @Size(max = 10000) @Schema(nullable = true, description = "What the applicant is told with the result") String feedback,
        @Size(max = 100) @Schema(nullable = true, description = "Prize: the category won") String category,
        @PositiveOrZero @Schema(nullable = true, description = "Amount awarded, when the call has amounts") Long amountEur) {
}
