package fr.sudia.events.registration;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An optional question the organizer asks registrants (accessibility needs, how they heard of it). */
@Schema(name = "RegistrationQuestion")
public record Question(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "a lower-case identifier such as accessibility")
        @Schema(examples = "accessibility") String id,
        @NotBlank @Size(max = 200) @Schema(examples = "Besoins d'accessibilité") String labelFr,
        @Size(max = 200) @Schema(nullable = true, examples = "Accessibility needs") String labelEn,
        @NotNull @Schema(description = "TEXT: free text up to maxLength; CHOICE: one of choices") Type type,
        @Size(max = 20) @Schema(nullable = true, description = "For CHOICE, the options") List<@NotBlank @Size(max = 100) String> choices,
        boolean required,
        @Min(1) @Max(1000) @Schema(nullable = true, description = "For TEXT, at most this many characters (default 500)") Integer maxLength) {

    @Schema(description = "TEXT: réponse libre / free text; CHOICE: un choix parmi les options / one of the options")
    public enum Type {
        TEXT, CHOICE
    }

    int limit() {
        return maxLength == null ? 500 : maxLength;
    }
}
