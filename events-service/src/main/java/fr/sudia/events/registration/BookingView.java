package fr.sudia.events.registration;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.sudia.events.event.Event;

/** A booking as its registrant sees it through the management link. */
@Schema(name = "Booking")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingView(
        @Schema(required = true, description = "Shown at the door; the QR code holds it", examples = "7KQ4M2XD") String bookingCode,
        @Schema(required = true) BookingKind kind,
        @Schema(required = true) BookingStatus status,
        @Schema(required = true, examples = "1") int seats,
        @Schema(description = "Place on the waitlist (1: next), while WAITLISTED", examples = "3") Integer waitlistPosition,
        @Schema(required = true) OccurrenceRef occurrence,
        @Schema(description = "Null once erased") String name,
        @Schema(description = "Null once erased") String email,
        @Schema(required = true) AudienceCategory audience,
        String structureName,
        String uai,
        GroupLevel level,
        Integer girls,
        Map<String, String> answers,
        @Schema(required = true, description = "Whether the registrant agreed to receive the newsletter and has not withdrawn it") boolean newsletter,
        @Schema(description = "The version of the newsletter consent text agreed to", examples = "2026-12-06") String newsletterConsentVersion,
        @Schema(description = "When the newsletter consent was given") Instant newsletterConsentAt,
        @Schema(description = "When the newsletter consent was withdrawn") Instant newsletterWithdrawnAt,
        @Schema(description = "How many were checked in at the door") Integer present,
        @Schema(description = "The secret link to see, change or cancel the booking: given once, at booking; keep it")
        String manageUrl,
        @Schema(description = "The occurrence as an iCalendar invitation (text/calendar), at booking") String invitation,
        Instant pseudonymizedAt) {

    @Schema(name = "BookedOccurrence")
    public record OccurrenceRef(@Schema(required = true) UUID eventId, @Schema(required = true) String titleFr, @Schema(nullable = true) String titleEn,
            @Schema(required = true, description = "The occurrence's identity (the start its rule gave it)") Instant originalStart,
            @Schema(required = true) Instant startsAt, @Schema(nullable = true) Instant endsAt,
            @Schema(required = true, examples = "Europe/Paris") String timeZone,
            @Schema(nullable = true) String venueName, @Schema(nullable = true) String city) {
    }

    static BookingView of(Registration r, Event event, RegistrationDesk.Occurrence occurrence, Integer position,
            String manageUrl, String invitation) {
        return new BookingView(r.bookingCode, r.kind, r.status, r.seats, position,
                new OccurrenceRef(event.id, event.titleFr, event.titleEn, r.originalStart,
                        occurrence == null ? r.originalStart : occurrence.startsAt(), occurrence == null ? null : occurrence.endsAt(),
                        event.timeZone, event.venueName, event.city),
                r.name, r.email, r.audience, r.structureName, r.uai, r.level, r.girls, r.answers.isEmpty() ? null : r.answers,
                r.newsletterConsentAt != null && r.newsletterWithdrawnAt == null, r.newsletterConsentVersion,
                r.newsletterConsentAt, r.newsletterWithdrawnAt, r.present, manageUrl, invitation, r.pseudonymizedAt);
    }
}
