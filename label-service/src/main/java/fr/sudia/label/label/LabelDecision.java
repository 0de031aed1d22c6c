package fr.sudia.label.label;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The committee's reason for a renewal, suspension, restoration or withdrawal. */
@Schema(name = "LabelDecision", description = "Why the label changes; `until` only for a suspension")
public record LabelDecision(
        @NotBlank @Size(max = 2000) @Schema(examples = "Misleading claims on the website, under investigation") String reason,
        @Schema(nullable = true, description = "Suspension only: the day it ends by itself (after today); none = until restored",
                examples = "2026-06-30") LocalDate until) {
}
