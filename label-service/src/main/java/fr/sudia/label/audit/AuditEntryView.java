package fr.sudia.label.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.label.audit.AuditEntry.SubjectType;

@Schema(name = "AuditEntry", description = "One decision or state change")
public record AuditEntryView(
        @Schema(examples = "42") long id,
        @Schema(examples = "2026-04-01T10:00:00Z") OffsetDateTime at,
        @Schema(description = "Token subject of the person, system:<job> for scheduled changes, or the person's pseudonym (erased-...) once they asked for erasure", examples = "reviewer-7f3a") String actor,
        SubjectType subjectType,
        @Schema(description = "Charter version, signature id, application id or label number", examples = "SUD-IA-2026-0042") String subjectId,
        @Schema(nullable = true) UUID organizationId,
        @Schema(examples = "SUSPENDED") String action,
        @Schema(nullable = true, examples = "VALID") String fromStatus,
        @Schema(nullable = true, examples = "SUSPENDED") String toStatus,
        @Schema(nullable = true, examples = "Misleading claims on the website, under investigation") String reason) {

    public static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.id, entry.at, entry.actor, entry.subjectType, entry.subjectId,
                entry.organizationId, entry.action, entry.fromStatus, entry.toStatus, entry.reason);
    }
}
