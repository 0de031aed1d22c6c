package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code fr.sudia.funding.call.result-published} on {@code funding.calls.v1}, one per laureate when a
 * call's results are published (contract: {@code contracts/funding.calls.v1.json}). No personal data: an
 * individual laureate (researcher, student) carries no organization, and no name travels.
 */
public record CallResultPublished(
        UUID callId,
        CallKind callKind,
        String callTitle,
        int editionYear,
        String theme,
        UUID applicationId,
        ApplicantType applicantType,
        UUID organizationId,
        Outcome outcome,
        String category,
        String awardTitle,
        Long amountEur,
        int rank,
        OffsetDateTime publishedAt,
        String timeZone) {
}
