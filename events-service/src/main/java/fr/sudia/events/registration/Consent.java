package fr.sudia.events.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The registrant's consent to the processing of their data, for the version of the text they were shown. */
@Schema(name = "Consent")
public record Consent(
        @NotBlank @Size(max = 40) @Schema(description = "The version of the consent text shown (from the registration's `consent.version`)",
                examples = "2026-12-01") String version,
        @Schema(description = "Must be true", examples = "true") boolean accepted) {
}
