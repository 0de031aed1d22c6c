package fr.sudia.notifications.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One message to the subscription and every attempt made to deliver it")
public record DeliveryView(
        @Schema(description = "The webhook-id header of every attempt", example = "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") UUID id,
        @Schema(example = "fr.sudia.events.event.cancelled") String eventType,
        @Schema(enumeration = { "PENDING", "DELIVERED", "FAILED" }, example = "DELIVERED",
                description = "PENDING: en attente d'une tentative / waiting for an attempt; DELIVERED: reçu par le "
                        + "destinataire / taken by the receiver; FAILED: toutes les tentatives ont échoué / every attempt failed")
        String status,
        @Schema(example = "1") int attempts,
        @Schema(nullable = true, description = "When the next attempt is due; null once delivered or failed") OffsetDateTime nextAttemptAt,
        @Schema(nullable = true, description = "The receiver's last HTTP status; null before any answer", example = "204") Integer lastStatus,
        @Schema(nullable = true, description = "What went wrong at the last attempt; null when it went well") String lastError,
        OffsetDateTime createdAt,
        @Schema(nullable = true, description = "When the receiver took it; null until then") OffsetDateTime deliveredAt,
        List<Attempt> attemptLog) {

    @Schema(name = "WebhookAttempt")
    public record Attempt(OffsetDateTime attemptedAt,
            @Schema(nullable = true, description = "The receiver's HTTP status; null when it did not answer", example = "500") Integer statusCode,
            @Schema(nullable = true, description = "What went wrong; null when the attempt succeeded", example = "HTTP 500") String error,
            @Schema(example = "42") long durationMs) {
    }
}
