package fr.sudia.funding.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** How an advisor closes a request. */
@Schema(name = "CloseInput")
public record CloseInput(@NotNull CloseOutcome outcome,
        @Size(max = 2_000) @Schema(nullable = true) String reason) {
}
