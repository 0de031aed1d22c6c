package fr.sudia.label.charter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One question of a charter version's self-assessment questionnaire. */
@Schema(name = "CharterQuestion", description = "A self-assessment question tied to one principle of the charter")
public record CharterQuestion(
        @NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be 1 to 40 lowercase letters, digits or dashes")
        @Schema(description = "Stable code an answer refers to", examples = "fairness-bias") String code,
        @NotNull Principle principle,
        @NotBlank @Size(max = 1000) @Schema(examples = "Comment détectez-vous et corrigez-vous les biais de vos modèles ?") String textFr,
        @Size(max = 1000) @Schema(nullable = true, examples = "How do you detect and correct biases in your models?") String textEn,
        @Schema(description = "Whether an applicant may answer NOT_APPLICABLE (with a justification)")
        boolean notApplicableAllowed) {
}
