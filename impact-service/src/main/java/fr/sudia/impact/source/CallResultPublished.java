package fr.sudia.impact.source;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The part of a {@code fr.sudia.funding.call.result-published} event (funding.calls.v1) impact-service relies on. */
public record CallResultPublished(
        @NotNull UUID callId,
        @NotBlank String callKind,
        @NotNull UUID applicationId,
        UUID organizationId,
        Long amountEur,
        @NotNull OffsetDateTime publishedAt) {
}
