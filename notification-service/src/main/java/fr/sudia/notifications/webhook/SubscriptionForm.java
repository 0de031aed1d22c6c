package fr.sudia.notifications.webhook;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "WebhookSubscriptionForm", description = "Where to POST which event types, and who to tell when it fails")
public record SubscriptionForm(
        @NotBlank @Size(max = 2000) @Schema(example = "https://partner.example.org/hooks/sud-ia") String url,
        @NotNull @NotEmpty @Size(max = 20) @Schema(example = "[\"fr.sudia.events.event.cancelled\"]")
        List<@NotBlank String> eventTypes,
        @NotBlank @Email @Size(max = 320) @Schema(example = "tech@partner.example.org") String ownerEmail,
        @Size(max = 500) @Schema(example = "Agenda du site partenaire") String description,
        @Schema(description = "The organization the subscription belongs to: admins only (a partner's is its token's)",
                example = "6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10") String organizationId) {
}
