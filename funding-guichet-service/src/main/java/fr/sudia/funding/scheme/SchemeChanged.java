package fr.sudia.funding.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.funding.eligibility.EligibilityConditions;

/**
 * The data of a {@code funding.schemes.v1} event (contract: {@code contracts/funding.schemes.v1.json}), its own type,
 * not the REST view: the scheme as stored after the change. Left out: the contact (it may name a person), who
 * changed it (account subjects), and what depends on the reading day ({@code open}, {@code nextDeadline}: a consumer
 * computes them from {@code opensOn}, {@code deadlines} and {@code ongoing}).
 */
public record SchemeChanged(UUID id, String name, String provider, UUID providerOrganizationId, Level level,
        SchemeKind kind, List<Pillar> pillars, String descriptionFr, String descriptionEn, Long amountMinEur,
        Long amountMaxEur, BigDecimal fundingRatePercent, Long envelopeEur, boolean envelopePerYear,
        Integer durationMonths, LocalDate opensOn, List<LocalDate> deadlines, boolean ongoing, String applicationUrl,
        EligibilityConditions conditions, SchemeStatus status, boolean removed, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static SchemeChanged of(Scheme s, EligibilityConditions conditions, boolean removed) {
        return new SchemeChanged(s.id, s.name, s.provider, s.providerOrganizationId, s.level, s.kind,
                s.pillars.stream().map(Pillar::valueOf).sorted().toList(), s.descriptionFr, s.descriptionEn,
                s.amountMinEur, s.amountMaxEur, s.fundingRatePercent, s.envelopeEur, s.envelopePerYear,
                s.durationMonths, s.opensOn, List.copyOf(s.deadlines), s.ongoing, s.applicationUrl, conditions, s.status,
                removed, s.createdAt, s.updatedAt);
    }
}
