package fr.sudia.notifications.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AlertSubscription", description = "An alert subscription (its address is not shown)")
public record AlertView(
        @Schema(example = "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") UUID id,
        @Schema(enumeration = { "EVENTS", "DEADLINES", "SCHEMES", "CALLS" }, example = "EVENTS",
                description = "EVENTS: nouveaux événements / new events (departments, audiences); DEADLINES: date limite d'un dispositif suivi dans 7 jours / a deadline of the followed schemes within 7 days (schemeIds); SCHEMES: nouveaux dispositifs pour l'organisation / new schemes matching the organization (organizationId, members of that organization only); CALLS: nouveaux appels à projets et prix / new competitive calls and prizes (applicantTypes)") String kind,
        @Schema(enumeration = { "INSTANT", "DAILY", "WEEKLY" }, example = "DAILY",
                description = "INSTANT: à chaque nouveauté / at each new item; DAILY: résumé quotidien (18 h) / daily digest (6 pm); WEEKLY: résumé hebdomadaire (lundi) / weekly digest (Monday)") String frequency,
        @Schema(enumeration = { "fr", "en" }, example = "fr", description = "fr: français / French; en: anglais / English") String language,
        @Schema(example = "[\"06\"]") List<String> departments,
        @Schema(example = "[\"PROFESSIONNELS\"]") List<String> audiences,
        @Schema(example = "[]") List<UUID> schemeIds,
        @Schema(example = "[]", description = "CALLS: who may apply (none: any call)") List<String> applicantTypes,
        @Schema(nullable = true, example = "5c2e7d41-9a0b-4f3c-8e6d-1b2a3c4d5e6f") UUID organizationId,
        @Schema(enumeration = { "PENDING", "CONFIRMED" }, example = "CONFIRMED",
                description = "PENDING: attend la confirmation de l'adresse, rien n'est envoyé / waits for its address's confirmation, nothing is sent; CONFIRMED: active / active") String status,
        @Schema(example = "false", description = "Stopped by the one-click unsubscribe of its messages")
        boolean unsubscribed,
        @Schema(nullable = true, example = "alertes-2026-12") String consentTextVersion,
        @Schema(nullable = true) OffsetDateTime consentAt,
        @Schema(nullable = true, description = "When a pending subscription is deleted if not confirmed") OffsetDateTime expiresAt,
        OffsetDateTime createdAt) {

    static AlertView of(AlertSubscription s, boolean unsubscribed) {
        return new AlertView(s.id, s.kind, s.frequency, s.language, s.departments, s.audiences, s.schemeIds,
                s.applicantTypes, s.organizationId, s.status, unsubscribed, AlertSubscription.CONFIRMED.equals(s.status) ? s.consentTextVersion : null,
                s.consentAt, s.expiresAt, s.createdAt);
    }
}
