package fr.sudia.impact.source;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** The part of a {@code fr.sudia.label.charter.signed} event (label.labels.v1) impact-service relies on. */
public record CharterSigned(@NotNull UUID signatureId, @NotNull UUID organizationId, @NotNull OffsetDateTime signedAt) {
}
