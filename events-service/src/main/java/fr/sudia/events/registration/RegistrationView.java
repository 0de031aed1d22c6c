package fr.sudia.events.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an event takes registrations, and the seats left on its coming occurrences. */
@Schema(name = "Registration")
public record RegistrationView(
        @Schema(required = true) UUID eventId,
        @Schema(required = true, examples = "30") int capacity,
        @Schema(nullable = true, description = "null: open as soon as set up") Instant opensAt,
        @Schema(nullable = true, description = "null: open until each occurrence starts") Instant closesAt,
        @Schema(required = true, description = "Categories targeted; empty: everyone") List<AudienceCategory> audiences,
        @Schema(required = true) boolean groupsAllowed,
        @Schema(required = true) boolean waitlist,
        @Schema(required = true, examples = "1") int maxSeatsPerBooking,
        @Schema(required = true) List<Question> questions,
        @Schema(required = true, description = "Mesures of the regional plan served", examples = "[8]") List<Integer> measures,
        @Schema(nullable = true, description = "The directory organization hosting it (the Maison de l'IA, a lycée…), if any") UUID placeOrganizationId,
        @Schema(required = true) boolean closed,
        @Schema(required = true) ConsentText consent,
        @Schema(required = true, description = "The optional newsletter consent's text (the booking's `newsletter`); its version is recorded with the consent") ConsentText newsletterConsent,
        @Schema(required = true, description = "The coming occurrences (at most `limit`), by start") List<OccurrenceAvailability> occurrences) {

    @Schema(name = "ConsentText", description = "The text a registrant must be shown and accept; send its version back")
    public record ConsentText(@Schema(required = true, examples = "2026-12-01") String version,
            @Schema(required = true) String textFr, @Schema(required = true) String textEn) {
    }

    @Schema(name = "OccurrenceAvailability")
    public record OccurrenceAvailability(
            @Schema(required = true, description = "The occurrence's identity, for booking") Instant originalStart,
            @Schema(required = true) Instant startsAt,
            @Schema(required = true) Instant endsAt,
            @Schema(required = true, examples = "30") int capacity,
            @Schema(required = true, examples = "4") int seatsLeft,
            @Schema(required = true, description = "Bookings waiting for a seat", examples = "0") int waitlisted,
            @Schema(required = true, description = """
                    OPEN: places disponibles / seats left; WAITLIST: complet, liste d'attente / full, waitlist open;
                    FULL: complet / full; NOT_YET_OPEN: pas encore ouvert / not open yet; CLOSED: inscriptions closes /
                    registration closed; CANCELLED: annulé / cancelled""") State state) {
    }

    @Schema(description = "OPEN: places disponibles / seats left; WAITLIST: complet, liste d'attente / full, waitlist open; "
            + "FULL: complet / full; NOT_YET_OPEN: pas encore ouvert / not open yet; CLOSED: inscriptions closes / registration "
            + "closed; CANCELLED: annulé / cancelled")
    public enum State {
        OPEN, WAITLIST, FULL, NOT_YET_OPEN, CLOSED, CANCELLED
    }

    static RegistrationView of(RegistrationSetup setup, ConsentText consent, ConsentText newsletterConsent,
            List<OccurrenceAvailability> occurrences) {
        return new RegistrationView(setup.eventId, setup.capacity, setup.opensAt, setup.closesAt,
                setup.audiences.stream().map(AudienceCategory::valueOf).toList(), setup.groupsAllowed, setup.waitlist,
                setup.maxSeatsPerBooking, setup.questions, setup.measures, setup.placeOrganizationId, setup.closed, consent,
                newsletterConsent, occurrences);
    }
}
