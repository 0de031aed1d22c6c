package fr.sudia.events.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.events.organizer.Organizer;

/** An event as the API and the feeds show it (the {@code events.events.v1} events carry {@link EventChanged}). */
@Schema(name = "Event", description = "An event of the Région Sud AI ecosystem")
public record EventView(
        @Schema(examples = "0b7d8c62-3f55-4d6e-9a51-6c2b0e4f1a77") UUID id,
        @Schema(examples = "WAICF 2026") String titleFr,
        @Schema(nullable = true) String titleEn,
        @Schema(nullable = true) String descriptionFr,
        @Schema(nullable = true) String descriptionEn,
        @Schema(description = "Start of the first occurrence (UTC)") Instant startsAt,
        Instant endsAt,
        boolean allDay,
        @Schema(examples = "Europe/Paris") String timeZone,
        @Schema(nullable = true, description = "The start before the event was rescheduled") Instant previousStart,
        @Schema(nullable = true) EventInput.Venue venue,
        @Schema(nullable = true) String onlineUrl,
        AttendanceMode attendanceMode,
        List<Audience> audiences,
        List<String> tags,
        @Schema(nullable = true) OrganizerView organizer,
        @Schema(nullable = true) UUID seriesId,
        @Schema(nullable = true) String edition,
        @Schema(nullable = true) String url,
        @Schema(nullable = true) BigDecimal priceEur,
        @Schema(nullable = true) String registrationUrl,
        @Schema(nullable = true) Integer capacity,
        EventStatus status,
        Moderation moderation,
        @Schema(nullable = true) String refusalReason,
        @Schema(nullable = true) EventInput.Recurrence recurrence,
        @Schema(description = "RFC 5545 SEQUENCE: rises on every change of time, place or status") int sequence,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "Organizer", description = "The organizing organization, from the directory")
    public record OrganizerView(UUID id, @Schema(nullable = true) String name, @Schema(nullable = true) String website,
            @Schema(description = "Holds a valid Sud IA label") boolean sudIaLabel,
            @Schema(nullable = true, examples = "SUDIA-2026-0001") String labelNumber) {

        public static OrganizerView of(UUID id, Organizer organizer) {
            if (organizer == null) {
                return new OrganizerView(id, null, null, false, null);
            }
            return new OrganizerView(id, organizer.removed ? null : organizer.name, organizer.website,
                    organizer.labelled(), organizer.labelled() ? organizer.labelNumber : null);
        }
    }

    public static EventView of(Event e, Organizer organizer) {
        EventInput.Venue venue = e.city == null ? null
                : new EventInput.Venue(e.venueName, e.venueAddress, e.city, e.latitude, e.longitude);
        EventInput.Recurrence recurrence = e.rrule == null ? null
                : new EventInput.Recurrence(e.rrule, e.exdates.stream().map(Instant::parse).toList());
        return new EventView(e.id, e.titleFr, e.titleEn, e.descriptionFr, e.descriptionEn, e.startsAt, e.endsAt,
                e.allDay, e.timeZone, e.previousStart, venue, e.onlineUrl, e.attendanceMode,
                e.audiences.stream().map(Audience::valueOf).toList(), List.copyOf(e.tags),
                e.organizerId == null ? null : OrganizerView.of(e.organizerId, organizer), e.seriesId, e.edition,
                e.url, e.priceEur, e.registrationUrl, e.capacity, e.status, e.moderation, e.refusalReason, recurrence,
                e.sequence, e.createdAt, e.updatedAt);
    }

    public static EventView of(Event e) {
        return of(e, e.organizerId == null ? null : Organizer.findById(e.organizerId));
    }
}
