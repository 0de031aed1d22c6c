package fr.sudia.impact.source;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The part of a {@code fr.sudia.events.attendance.recorded} event (events.attendance.v1) impact-service relies on. */
public record AttendanceRecorded(
        @NotNull UUID eventId,
        @NotNull OffsetDateTime originalStart,
        @NotNull OffsetDateTime startsAt,
        UUID placeOrganizationId,
        List<Integer> measures,
        @NotNull @Min(1) Integer revision,
        @NotNull @Valid Totals totals,
        @NotNull List<@Valid ByAudience> byAudience,
        @NotNull List<@Valid ByLevel> byLevel,
        @NotNull List<@Valid ByCommune> byCommune,
        @NotNull OffsetDateTime recordedAt) {

    public record Totals(@Min(0) int registered, @Min(0) int present) {
    }

    public record ByAudience(@NotBlank String audience, @Min(0) int registered, @Min(0) int present) {
    }

    public record ByLevel(@NotBlank String level, @Min(0) int registered, @Min(0) int present) {
    }

    public record ByCommune(@NotBlank String commune, String department, @Min(0) int registered, @Min(0) int present) {
    }

    /** The occurrence's identity, as the record key: {@code <eventId>/<originalStart>}. */
    public String occurrenceKey() {
        return eventId + "/" + originalStart.toInstant();
    }
}
