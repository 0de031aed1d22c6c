package fr.sudia.label.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "CommitteeDecision", description = "The committee's decision and its reasons")
public record CommitteeDecision(
        @NotNull Outcome outcome,
        @NotBlank @Size(max = 5000) @Schema(examples = "Answers are substantiated; frugality practices are exemplary.")
        String reasons) {

    @Schema(description = "GRANTED: label accordé / label granted; REFUSED: refusé / refused")
    public enum Outcome {
        GRANTED,
        REFUSED
    }
}
