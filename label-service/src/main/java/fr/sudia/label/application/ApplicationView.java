package fr.sudia.label.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.label.label.LabelCategory;

@Schema(name = "Application", description = "An application for the label")
public record ApplicationView(
        UUID id,
        UUID organizationId,
        LabelCategory category,
        @Schema(examples = "1") int charterVersion,
        ApplicationStatus status,
        List<Answer> answers,
        @Schema(nullable = true, description = "The committee's reasons, once decided") String decisionReasons,
        @Schema(nullable = true, description = "The label granted", examples = "SUD-IA-2026-0042") String labelNumber,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static ApplicationView of(LabelApplication application) {
        return new ApplicationView(application.id, application.organizationId, application.category,
                application.charterVersion, application.status, application.answers, application.decisionReasons,
                application.labelNumber, application.createdAt, application.updatedAt);
    }
}
