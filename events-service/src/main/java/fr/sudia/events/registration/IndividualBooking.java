package fr.sudia.events.registration;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A person books seats for themselves (and companions), with no account. */
@Schema(name = "IndividualBooking")
public record IndividualBooking(
        @NotBlank @Size(max = 120) @Schema(examples = "Camille Martin") String name,
        @NotBlank @Email @Size(max = 254) @Schema(examples = "camille.martin@example.org") String email,
        @NotNull AudienceCategory audience,
        @Schema(description = "The commune's INSEE code (one of inseeCode or postcode)", examples = "06018") String inseeCode,
        @Schema(description = "The postcode (one of inseeCode or postcode)", examples = "06410") String postcode,
        @Min(1) @Max(10) @Schema(description = "Seats (default 1), up to the registration's maxSeatsPerBooking", examples = "1") Integer seats,
        @Size(max = 10) @Schema(description = "Answers to the registration's questions, by question id",
                examples = "{\"accessibility\": \"Fauteuil roulant\"}") Map<String, String> answers,
        @NotNull @Valid Consent consent,
        @Schema(description = "Separate, optional consent to the Maison de l'IA's newsletter", examples = "false") boolean newsletter,
        @Schema(description = "Language of the messages sent to the registrant (fr by default)", examples = "fr") Language language) {

    @Schema(description = "fr: français / French; en: anglais / English")
    public enum Language {
        fr, en
    }
}
