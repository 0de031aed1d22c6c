package fr.sudia.events.event;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;

/** What to do with one occurrence of a recurring event. */
@Schema(name = "OccurrenceChange", description = "Cancel one occurrence, move it (new startsAt and endsAt), or restore it "
        + "(cancelled false, no times)")
public record OccurrenceChange(
        @Schema(description = "true cancels this occurrence only") boolean cancelled,
        @Schema(nullable = true, examples = "2026-03-17T18:00:00Z") Instant startsAt,
        @Schema(nullable = true, examples = "2026-03-17T20:00:00Z") Instant endsAt) {

    @JsonIgnore
    @AssertTrue(message = "startsAt and endsAt go together, the end after the start, at most 31 days later")
    public boolean isValidTimes() {
        if (startsAt == null || endsAt == null) {
            return startsAt == null && endsAt == null;
        }
        return endsAt.isAfter(startsAt) && Duration.between(startsAt, endsAt).compareTo(EventInput.MAX_LENGTH) <= 0;
    }
}
