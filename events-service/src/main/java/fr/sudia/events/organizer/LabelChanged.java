package fr.sudia.events.organizer;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The part of a {@code label.labels.v1} event that events-service relies on. */
public record LabelChanged(
        @NotBlank String labelNumber,
        @NotNull UUID organizationId,
        @NotNull @Pattern(regexp = "VALID|SUSPENDED|WITHDRAWN|EXPIRED") String status,
        @NotNull OffsetDateTime changedAt) {
}
