package fr.sudia.events.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of an {@code events.events.v1} event, in its own type so that a change to the REST view never changes
 * what consumers receive; a field renamed or removed here is a new version of the topic. It carries what a consumer
 * needs to place, date and count an event; the long descriptions and the moderation's refusal reason stay behind
 * the API. Nothing personal: the organizer is a directory organization, named by its id.
 */
public record EventChanged(
        UUID id,
        String titleFr,
        String titleEn,
        Instant startsAt,
        Instant endsAt,
        boolean allDay,
        String timeZone,
        Instant previousStart,
        Venue venue,
        String onlineUrl,
        AttendanceMode attendanceMode,
        List<String> audiences,
        List<String> tags,
        UUID organizerId,
        UUID seriesId,
        String edition,
        String url,
        BigDecimal priceEur,
        String registrationUrl,
        Integer capacity,
        EventStatus status,
        Moderation moderation,
        Recurrence recurrence,
        int sequence,
        Instant publishedAt,
        Instant updatedAt) {

    public record Venue(String name, String address, String city, Double latitude, Double longitude) {
    }

    /** RFC 5545 RRULE and the starts it leaves out (EXDATE), UTC. */
    public record Recurrence(String rrule, List<Instant> exdates) {
    }

    static EventChanged of(Event e) {
        return new EventChanged(e.id, e.titleFr, e.titleEn, e.startsAt, e.endsAt, e.allDay, e.timeZone,
                e.previousStart,
                e.city == null ? null : new Venue(e.venueName, e.venueAddress, e.city, e.latitude, e.longitude),
                e.onlineUrl, e.attendanceMode, List.copyOf(e.audiences), List.copyOf(e.tags), e.organizerId,
                e.seriesId, e.edition, e.url, e.priceEur, e.registrationUrl, e.capacity, e.status, e.moderation,
                e.rrule == null ? null : new Recurrence(e.rrule, e.exdates.stream().map(Instant::parse).toList()),
                e.sequence, e.publishedAt, e.updatedAt);
    }
}
