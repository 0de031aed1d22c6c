package fr.sudia.directory.label;

import java.time.OffsetDateTime;
import java.util.UUID;

import fr.sudia.directory.organization.LabelStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The part of a {@code label.labels.v1} event that the directory relies on. */
public record LabelChanged(
        @NotBlank String labelNumber,
        @NotNull UUID organizationId,
        @NotNull LabelStatus status,
        @NotNull OffsetDateTime changedAt) {
}
