package fr.sudia.notifications.privacy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(name = "MyPrivacyRequestForm", description = "A request about your own data: your token's subject, and its email when verified")
public record MyPrivacyRequestForm(
        @NotNull @Pattern(regexp = "ACCESS|ERASURE", message = "must be ACCESS or ERASURE")
        @Schema(enumeration = { "ACCESS", "ERASURE" }, example = "ACCESS", description = PrivacyRequestView.KINDS) String kind) {
}
