package fr.sudia.notifications.privacy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PrivacyRequest", description = "An access or erasure request and which services have confirmed it")
public record PrivacyRequestView(
        @Schema(example = "5b0e4c1e-8f0a-4c59-9d5e-2f1f3d7b6a10") UUID id,
        @Schema(enumeration = { "ACCESS", "ERASURE" }, example = "ACCESS", description = KINDS) String kind,
        @Schema(nullable = true, example = "camille.martin@example.org") String email,
        @Schema(nullable = true, example = "7d3c9a52-1b4e-4f0a-a6d2-0c9e8f1b2a34") String subject,
        @Schema(description = "Token subject of who asked (an admin, or the person)", example = "admin-1") String requestedBy,
        @Schema(description = "The person asked for their own data") boolean selfService,
        @Schema(nullable = true, description = "How the admin verified the person's identity") String verificationNote,
        @Schema(enumeration = { "RECEIVED", "IN_PROGRESS", "COMPLETED" }, example = "IN_PROGRESS", description = STATUSES) String status,
        OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime completedAt,
        @Schema(description = "How many times the request was sent to the services (again while some have not confirmed)", example = "1") int publications,
        @Schema(description = "The services that confirmed (DONE)", example = "[\"notification-service\"]") List<String> confirmed,
        @Schema(description = "The services still waited for", example = "[\"events-service\"]") List<String> pending,
        @Schema(description = "Each service's answer") List<ServiceAnswer> services,
        @Schema(description = "ACCESS: the export can be downloaded (completed, not yet cleared)") boolean exportAvailable,
        @Schema(nullable = true, description = "When the export was cleared (export retention)") OffsetDateTime exportPurgedAt) {

    static final String KINDS = "ACCESS: copie de toutes les données de la personne (RGPD art. 15) / a copy of all the person's "
            + "data (GDPR art. 15); ERASURE: effacement, ou pseudonymisation de ce qui doit rester / erasure, or "
            + "pseudonymization of what must stay (art. 17)";
    static final String STATUSES = "RECEIVED: reçue, aucune réponse encore / received, no answer yet; IN_PROGRESS: des services "
            + "ont répondu, d'autres sont attendus / some services answered, others are waited for; COMPLETED: tous les "
            + "services ont confirmé / every service confirmed";
    static final String OUTCOMES = "DONE: fait / done; FAILED: échec, la demande sera renvoyée / failed, the request is sent "
            + "again; PENDING: pas encore de réponse / no answer yet";

    @Schema(name = "PrivacyServiceAnswer", description = "One service's answer to the request")
    public record ServiceAnswer(
            @Schema(example = "events-service") String service,
            @Schema(enumeration = { "DONE", "FAILED", "PENDING" }, example = "DONE", description = OUTCOMES) String outcome,
            @Schema(nullable = true, description = "Records exported, deleted or pseudonymized", example = "3") Long records,
            @Schema(nullable = true) OffsetDateTime answeredAt) {
    }

    static PrivacyRequestView of(PrivacyRequest request, List<String> services, Map<String, PrivacyConfirmation> confirmations) {
        List<ServiceAnswer> answers = services.stream().map(service -> {
            PrivacyConfirmation c = confirmations.get(service);
            return c == null ? new ServiceAnswer(service, "PENDING", null, null)
                    : new ServiceAnswer(service, c.outcome, c.records, c.answeredAt);
        }).toList();
        List<String> confirmed = answers.stream().filter(a -> "DONE".equals(a.outcome())).map(ServiceAnswer::service).toList();
        List<String> pending = answers.stream().filter(a -> !"DONE".equals(a.outcome())).map(ServiceAnswer::service).toList();
        return new PrivacyRequestView(request.id, request.kind, request.email, request.subject, request.requestedBy,
                request.selfService, request.verificationNote, request.status, request.createdAt, request.completedAt,
                request.publications, confirmed, pending, answers, request.export != null, request.exportPurgedAt);
    }
}
