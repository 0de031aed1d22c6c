package fr.sudia.events.organizer;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The part of a {@code directory.organizations.v1} event that events-service relies on. */
public record OrganizationChanged(
        @NotNull UUID id,
        @NotBlank String name,
        String city,
        String website,
        @NotNull OffsetDateTime updatedAt) {
}
