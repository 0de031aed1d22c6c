package fr.sudia.impact.source;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The part of a {@code directory.organizations.v1} event impact-service relies on. */
public record OrganizationChanged(
        @NotNull UUID id,
        @NotBlank String kind,
        String postalCode,
        String department,
        List<String> sectors,
        @NotBlank String moderationStatus,
        boolean deleted,
        @NotNull OffsetDateTime updatedAt) {
}
