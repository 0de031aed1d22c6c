package fr.sudia.label.directory;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The part of a {@code directory.organizations.v1} event that label-service relies on. */
public record OrganizationChanged(
        @NotNull UUID id,
        @NotBlank String name,
        @NotBlank String kind,
        String city,
        String siren,
        @NotNull OffsetDateTime updatedAt) {
}
