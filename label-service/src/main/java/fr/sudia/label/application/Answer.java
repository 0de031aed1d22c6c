package fr.sudia.label.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "Answer", description = "The answer to one question of the charter's questionnaire")
public record Answer(
        @NotBlank @Size(max = 40) @Schema(description = "The question's code", examples = "fairness-bias") String question,
        @NotNull AnswerValue value,
        @NotBlank @Size(max = 5000) @Schema(description = "Why: evidence, practices, or why the question does not apply",
                examples = "Nos jeux de données d'entraînement sont audités chaque trimestre pour les biais de genre et d'âge.")
        String justification) {
}
