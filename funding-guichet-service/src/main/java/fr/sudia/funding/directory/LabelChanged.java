package fr.sudia.funding.directory;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The part of a {@code label.labels.v1} event that the desk relies on. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelChanged(
        @NotBlank String labelNumber,
        @NotNull UUID organizationId,
        @NotNull @Pattern(regexp = "VALID|SUSPENDED|WITHDRAWN|EXPIRED") String status,
        @NotNull OffsetDateTime changedAt) {
}
