package fr.sudia.impact.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(description = "A text in French and English")
public record LocalizedText(
        @NotBlank @Size(max = 2000) @Schema(example = "Personnes sensibilisées à l'IA") String fr,
        @NotBlank @Size(max = 2000) @Schema(example = "People made aware of AI") String en) {
}
