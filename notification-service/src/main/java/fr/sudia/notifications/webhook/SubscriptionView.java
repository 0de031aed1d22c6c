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
        @Schema(nullable = true, example = "Agenda du site partenaire") String description,
        @Schema(enumeration = { "ACTIVE", "DISABLED" }, example = "ACTIVE") String status,
        @Schema(nullable = true) OffsetDateTime disabledAt, @Schema(nullable = true) String disabledReason,
        OffsetDateTime createdAt,
        @Schema(nullable = true, description = "The signing secret (whsec_ + base64), only in the answers of creation and rotation",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    static SubscriptionView of(WebhookSubscription s, boolean withSecret) {
        return new SubscriptionView(s.id, s.organizationId, s.url, s.eventTypes, s.ownerEmail, s.description, s.status,
                s.disabledAt, s.disabledReason, s.createdAt, withSecret ? s.secret : null);
    }
}
