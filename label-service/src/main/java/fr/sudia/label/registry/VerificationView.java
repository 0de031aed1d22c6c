package fr.sudia.label.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.label.label.LabelCategory;
import fr.sudia.label.label.LabelStatus;

@Schema(name = "LabelVerification", description = "Whether a label is valid, and since when")
public record VerificationView(
        @Schema(examples = "SUD-IA-2026-0042") String labelNumber,
        @Schema(description = "EXPIRED as soon as validUntil has passed") LabelStatus status,
        @Schema(description = "When the label entered this status", examples = "2026-04-01T10:00:00Z") OffsetDateTime since,
        Holder holder,
        LabelCategory category,
        @Schema(examples = "2026-04-01") LocalDate grantedOn,
        @Schema(description = "Last day of validity", examples = "2028-03-31") LocalDate validUntil,
        @Schema(nullable = true, description = "End of a suspension, when it has one", examples = "2026-06-30") LocalDate suspendedUntil) {

    @Schema(name = "LabelHolder")
    public record Holder(UUID organizationId, @Schema(examples = "Terra Numerica") String name,
            @Schema(nullable = true, examples = "Sophia Antipolis") String city) {
    }

    static VerificationView of(LabelSnapshot label, LocalDate today) {
        LabelStatus status = label.statusOn(today);
        return new VerificationView(label.number(), status, label.sinceOn(today),
                new Holder(label.organizationId(), label.holderName(), label.holderCity()), label.category(),
                label.grantedOn(), label.validUntil(), status == LabelStatus.SUSPENDED ? label.suspendedUntil() : null);
    }
}
