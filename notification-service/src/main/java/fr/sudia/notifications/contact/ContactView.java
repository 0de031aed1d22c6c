package fr.sudia.notifications.contact;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Contact", description = "The address this service writes to for the caller, and its language")
public record ContactView(
        @Schema(nullable = true, description = "The confirmed address notices are sent to (null until confirmed)",
                example = "camille.martin@example.org") String email,
        @Schema(nullable = true, description = "An address waiting for its confirmation link to be followed",
                example = "camille@example.net") String pendingEmail,
        @Schema(enumeration = { "fr", "en" }, example = "fr", description = "fr: français / French; en: anglais / English") String language,
        OffsetDateTime updatedAt) {

    static ContactView of(Contact contact) {
        return new ContactView(contact.email, contact.pendingEmail, contact.language, contact.updatedAt);
    }
}
