package fr.sudia.funding.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.funding.eligibility.EligibilityConditions;

/** A scheme as the API shows it (events carry {@link SchemeChanged}). */
@Schema(name = "Scheme", description = "A support or funding scheme of the catalogue")
public record SchemeView(
        @Schema(examples = "3b0d1c5e-8f61-4a43-9a55-0f1c2f7e6b11") UUID id,
        @Schema(examples = "Mon assistant IA") String name,
        @Schema(examples = "Région Sud") String provider,
        @Schema(description = "The directory organization providing it, whose advisors may change it", nullable = true)
        UUID providerOrganizationId,
        Level level,
        SchemeKind kind,
        List<Pillar> pillars,
        String descriptionFr,
        @Schema(nullable = true) String descriptionEn,
        @Schema(nullable = true) Long amountMinEur,
        @Schema(nullable = true) Long amountMaxEur,
        @Schema(nullable = true) BigDecimal fundingRatePercent,
        @Schema(nullable = true) Long envelopeEur,
        boolean envelopePerYear,
        @Schema(nullable = true) Integer durationMonths,
        @Schema(nullable = true) LocalDate opensOn,
        List<LocalDate> deadlines,
        boolean ongoing,
        @Schema(nullable = true) String applicationUrl,
        @Schema(nullable = true) String contact,
        EligibilityConditions conditions,
        SchemeStatus status,
        @Schema(description = "Whether applications are accepted today, per the dates") boolean open,
        @Schema(description = "The next deadline, today included", nullable = true) LocalDate nextDeadline,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static SchemeView of(Scheme s, EligibilityConditions conditions, LocalDate today) {
        return new SchemeView(s.id, s.name, s.provider, s.providerOrganizationId, s.level, s.kind,
                s.pillars.stream().map(Pillar::valueOf).sorted().toList(), s.descriptionFr, s.descriptionEn,
                s.amountMinEur, s.amountMaxEur, s.fundingRatePercent, s.envelopeEur, s.envelopePerYear,
                s.durationMonths, s.opensOn, List.copyOf(s.deadlines), s.ongoing, s.applicationUrl, s.contact,
                conditions, s.status, s.isOpen(today), s.nextDeadline(today), s.createdAt, s.updatedAt);
    }
}
