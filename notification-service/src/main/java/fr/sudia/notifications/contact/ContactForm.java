package fr.sudia.notifications.contact;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "ContactForm", description = "The language to be written in and, when not the verified address of the token, an "
        + "address to confirm by a link")
public record ContactForm(
        @NotNull @Pattern(regexp = "fr|en") @Schema(enumeration = { "fr", "en" }, example = "fr", description = "fr: français / French; en: anglais / English") String language,
        @Email @Size(max = 320) @Schema(nullable = true, description = "Left out: the token's verified email claim. "
                + "Given (and not that claim): written to once with a confirmation link; used only once confirmed.",
                example = "camille.martin@example.org") String email) {
}
