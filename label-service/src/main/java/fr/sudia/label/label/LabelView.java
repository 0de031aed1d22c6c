package fr.sudia.label.label;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Label", description = "A label as its holder and the committee see it")
public record LabelView(
        @Schema(examples = "SUD-IA-2026-0042") String number,
        UUID organizationId,
        @Schema(nullable = true, description = "The application it was granted on (none for seeded labels)") UUID applicationId,
        LabelCategory category,
        LabelStatus status,
        @Schema(examples = "2026-04-01T10:00:00Z") OffsetDateTime statusSince,
        @Schema(examples = "2026-04-01") LocalDate grantedOn,
        @Schema(description = "Last day of validity", examples = "2028-03-31") LocalDate validUntil,
        @Schema(description = "Charter version the holder has signed", examples = "1") int charterVersion,
        @Schema(nullable = true) SuspensionKind suspensionKind,
        @Schema(nullable = true, examples = "Misleading claims on the website, under investigation") String suspensionReason,
        @Schema(nullable = true, examples = "2026-06-30") LocalDate suspendedUntil) {

    public static LabelView of(Label label) {
        return new LabelView(label.number, label.organizationId, label.applicationId, label.category, label.status,
                label.statusSince, label.grantedOn, label.validUntil, label.charterVersion, label.suspensionKind,
                label.suspensionReason, label.suspendedUntil);
    }
}
