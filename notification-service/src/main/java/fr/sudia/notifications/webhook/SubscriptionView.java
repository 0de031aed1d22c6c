package fr.sudia.notifications.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "WebhookSubscription", description = "A webhook subscription; its secret is shown only when created or rotated")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
        @Schema(example = "3c1a9b52-7d4e-4f60-8a1b-2c3d4e5f6a7b") UUID id,
        @Schema(example = "6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10") String organizationId,
        @Schema(example = "https://partner.example.org/hooks/sud-ia") String url,
        @Schema(example = "[\"fr.sudia.events.event.cancelled\"]") List<String> eventTypes,
        @Schema(example = "tech@partner.example.org") String ownerEmail,
        @Schema(nullable = true, description = "The owner's note, absent when none was given", example = "Agenda du site partenaire") String description,
        @Schema(enumeration = { "ACTIVE", "DISABLED" }, example = "ACTIVE",
                description = "ACTIVE: actif, les messages partent / active, messages are sent; DISABLED: désactivé après "
                        + "des échecs, rien ne part / disabled after failures, nothing is sent")
        String status,
        @Schema(nullable = true, description = "When the subscription was disabled; absent while it is active") OffsetDateTime disabledAt,
        @Schema(nullable = true, description = "Why it was disabled; absent while it is active", example = "every attempt of 3 message(s) failed over 72 h") String disabledReason,
        OffsetDateTime createdAt,
        @Schema(nullable = true, description = "The signing secret (whsec_ + base64), only in the answers of creation and rotation",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    static SubscriptionView of(WebhookSubscription s, boolean withSecret) {
        return new SubscriptionView(s.id, s.organizationId, s.url, s.eventTypes, s.ownerEmail, s.description, s.status,
                s.disabledAt, s.disabledReason, s.createdAt, withSecret ? s.secret : null);
    }
}
