package fr.sudia.directory.award;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The part of a {@code funding.calls.v1} result that the directory shows (other fields are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallResultPublished(
        @NotNull UUID callId,
        @NotBlank String callKind,
        @NotBlank String callTitle,
        @NotNull Integer editionYear,
        String theme,
        @NotNull UUID applicationId,
        /** Null for an individual laureate: nothing to show in the directory. */
        UUID organizationId,
        @NotBlank String outcome,
        String category,
        @NotBlank String awardTitle,
        @PositiveOrZero Long amountEur,
        @NotNull OffsetDateTime publishedAt) {
}
