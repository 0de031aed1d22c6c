package fr.sudia.impact.source;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The part of a {@code funding.requests.v1} event impact-service relies on. */
public record RequestChanged(
        @NotNull UUID id,
        @NotNull UUID organizationId,
        @NotBlank String status,
        String department,
        String companyCategory,
        @NotNull List<Assignment> assignments,
        Long amountCommittedEur,
        @NotNull OffsetDateTime changedAt) {

    public record Assignment(String outcome, OffsetDateTime answeredAt) {
    }
}
