package fr.sudia.events.event;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import fr.sudia.events.recurrence.Recurrences;
import fr.sudia.platform.validation.HttpUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An event as a partner or an editor submits it. */
@Schema(name = "EventInput", description = "An event to submit or the new content of one")
public record EventInput(
        @NotBlank @Size(max = 200) @Schema(examples = "IA Dates : l'IA et la santé") String titleFr,
        @Size(max = 200) @Schema(nullable = true, examples = "IA Dates: AI and health") String titleEn,
        @Size(max = 5000) @Schema(nullable = true) String descriptionFr,
        @Size(max = 5000) @Schema(nullable = true) String descriptionEn,
        @NotNull @Schema(description = "Start, as a UTC instant", examples = "2026-02-12T08:00:00Z") Instant startsAt,
        @NotNull @Schema(description = "End, as a UTC instant; after the start, at most 31 days later",
                examples = "2026-02-13T17:00:00Z") Instant endsAt,
        @Schema(description = "Whole days: the feed gives dates without times", nullable = true) Boolean allDay,
        @Size(max = 64) @Schema(description = "IANA zone of the place, Europe/Paris when absent", nullable = true,
                examples = "Europe/Paris") String timeZone,
        @Valid @Schema(nullable = true) Venue venue,
        @Size(max = 500) @HttpUrl @Schema(nullable = true, format = "uri", description = "Link to follow the event online; an absolute http(s) URL")
        String onlineUrl,
        @Size(max = 6) List<@NotNull Audience> audiences,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        @Schema(description = "The organizing organization (directory id); a partner's own organization when absent",
                nullable = true) UUID organizerId,
        @Schema(nullable = true, description = "The series this event is an edition of") UUID seriesId,
        @Size(max = 50) @Schema(nullable = true, examples = "2026") String edition,
        @Size(max = 500) @HttpUrl @Schema(nullable = true, format = "uri", description = "An absolute http(s) URL") String url,
        @DecimalMin("0") @DecimalMax("100000") @Schema(nullable = true, description = "Price in euros, 0 when free")
        BigDecimal priceEur,
        @Size(max = 500) @HttpUrl @Schema(nullable = true, format = "uri", description = "An absolute http(s) URL") String registrationUrl,
        @Min(1) @Max(1_000_000) @Schema(nullable = true) Integer capacity,
        @Schema(description = "SCHEDULED when absent", nullable = true) EventStatus status,
        @Valid @Schema(nullable = true) Recurrence recurrence) {

    static final Duration MAX_LENGTH = Duration.ofDays(31);

    public record Venue(
            @Size(max = 200) @Schema(nullable = true, examples = "Maison de l'Intelligence Artificielle") String name,
            @Size(max = 300) @Schema(nullable = true) String address,
            @NotBlank @Size(max = 100) @Schema(examples = "Biot") String city,
            @DecimalMin("-90") @DecimalMax("90") @Schema(nullable = true, examples = "43.6163") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") @Schema(nullable = true, examples = "7.0686") Double longitude) {

        @JsonIgnore
        @AssertTrue(message = "latitude and longitude go together")
        public boolean isCoordinatesComplete() {
            return (latitude == null) == (longitude == null);
        }
    }

    @Schema(name = "Recurrence", description = "An RFC 5545 recurrence; startsAt/endsAt are the first occurrence")
    public record Recurrence(
            @NotBlank @Size(max = 300) @Schema(examples = "FREQ=MONTHLY;BYDAY=2TU") String rrule,
            @Size(max = 200) @Schema(description = "Starts of occurrences that never take place (EXDATE)")
            List<@NotNull Instant> exceptions) {

        @JsonIgnore
        @AssertTrue(message = "must be an RFC 5545 RRULE with FREQ DAILY, WEEKLY, MONTHLY or YEARLY")
        public boolean isValidRule() {
            return rrule == null || rrule.isBlank() || Recurrences.isValid(rrule);
        }
    }

    @JsonIgnore
    @AssertTrue(message = "endsAt must be after startsAt, at most 31 days later")
    public boolean isEndAfterStart() {
        return startsAt == null || endsAt == null
                || endsAt.isAfter(startsAt) && Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) <= 0;
    }

    @JsonIgnore
    @AssertTrue(message = "timeZone must be an IANA zone such as Europe/Paris")
    public boolean isKnownTimeZone() {
        if (timeZone == null) {
            return true;
        }
        try {
            ZoneId zone = ZoneId.of(timeZone);
            return zone.getId().contains("/") || zone.getId().equals("UTC");
        } catch (DateTimeException e) {
            return false;
        }
    }

    @JsonIgnore
    @AssertTrue(message = "an event needs a venue, an onlineUrl, or both")
    public boolean isSomewhere() {
        return venue != null || onlineUrl != null;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone == null ? "Europe/Paris" : timeZone);
    }
}
