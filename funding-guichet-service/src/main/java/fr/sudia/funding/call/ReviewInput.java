package fr.sudia.funding.call;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A juror's scores (criterion id → score, 0 to the criterion's maximum) and comment. */
@Schema(name = "CallReviewInput")
public record ReviewInput(
        @NotNull @Schema(examples = "{\"impact\":8,\"feasibility\":6}") Map<String, Double> scores,
        @Size(max = 10000) @Schema(nullable = true) String comment) {
}
