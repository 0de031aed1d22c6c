package fr.sudia.notifications.privacy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "PrivacyRequestForm", description = "An admin's access or erasure request about a person whose identity was verified")
public record PrivacyRequestForm(
        @NotNull @Pattern(regexp = "ACCESS|ERASURE", message = "must be ACCESS or ERASURE")
        @Schema(enumeration = { "ACCESS", "ERASURE" }, example = "ACCESS", description = PrivacyRequestView.KINDS) String kind,
        @Email @Size(max = 320) @Schema(description = "The person's email address (case does not matter); this or subject, or both",
                example = "camille.martin@example.org", nullable = true) String email,
        @Size(max = 255) @Schema(description = "The person's token subject (sub claim); this or email, or both",
                example = "7d3c9a52-1b4e-4f0a-a6d2-0c9e8f1b2a34", nullable = true) String subject,
        @NotBlank(message = "say how the person's identity was verified") @Size(max = 2000)
        @Schema(description = "How the person's identity was verified (kept with the request as its evidence)",
                example = "Demande écrite du 4 mai 2026, pièce d'identité vérifiée par le DPO") String verificationNote) {

    @JsonIgnore
    @AssertTrue(message = "give the person's email or token subject, or both")
    @Schema(hidden = true)
    public boolean isIdentified() {
        return (email != null && !email.isBlank()) || (subject != null && !subject.isBlank());
    }
}
