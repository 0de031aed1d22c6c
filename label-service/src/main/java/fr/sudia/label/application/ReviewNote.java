package fr.sudia.label.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "ReviewNote", description = "A reviewer's comment, or what the applicant must justify")
public record ReviewNote(
        @NotBlank @Size(max = 5000) @Schema(examples = "Please describe how users can contest an automated decision.")
        String text) {
}
