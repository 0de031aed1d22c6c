package fr.sudia.directory.organization;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to register an organization in the directory. */
@Schema(description = "A new organization to register")
public record RegisterOrganization(
        @NotBlank @Size(max = 200) @Schema(examples = "Therapixel") String name,
        @NotNull OrganizationKind kind,
        @Pattern(regexp = "\\d{9}", message = "must be the 9 digits of a SIREN")
        @Schema(description = "French company number, 9 digits; unique in the directory", examples = "812345678", nullable = true) String siren,
        @NotBlank @Size(max = 120) @Schema(examples = "Nice") String city) {
}
