package fr.sudia.impact.source;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The part of a label event ({@code fr.sudia.label.label.*} on label.labels.v1) impact-service relies on. */
public record LabelChanged(
        @NotBlank String labelNumber,
        @NotNull UUID organizationId,
        @NotBlank String status,
        @NotBlank String category,
        @NotNull OffsetDateTime changedAt,
        @NotNull LocalDate grantedOn) {
}
