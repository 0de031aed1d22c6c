package fr.sudia.events.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventStatus;
import fr.sudia.events.feed.IcsFeed;
import fr.sudia.events.recurrence.OccurrenceStore;
import fr.sudia.platform.http.Locations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

/** What the API and the widget answer about a registration: its availability, and a booking just made. */
@ApplicationScoped
public class RegistrationAnswers {

    private final RegistrationDesk desk;
    private final RegistrationConfig config;
    private final EntityManager em;
    private final Clock clock;
    private final String publicUrl;

    RegistrationAnswers(RegistrationDesk desk, RegistrationConfig config, EntityManager em, Clock clock,
            @ConfigProperty(name = "sudia.events.public-url") String publicUrl) {
        this.desk = desk;
        this.config = config;
        this.em = em;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    Response booked(RegistrationDesk.Booked booked, IndividualBooking.Language language) {
        Registration registration = booked.registration();
        String manageUrl = publicUrl + "/api/events/v1/bookings/" + booked.token();
        Event event = booked.event();
        RegistrationDesk.Occurrence occurrence = booked.occurrence();
        String invitation = IcsFeed.invitation(event, registration.id, registration.bookingCode, occurrence.startsAt(),
                occurrence.endsAt(), false, publicUrl, language == IndividualBooking.Language.en);
        return Locations.created("/api/v1/bookings/" + booked.token())
                .entity(BookingView.of(registration, event, occurrence, booked.waitlistPosition(), manageUrl, invitation))
                .build();
    }

    RegistrationView view(Event event, RegistrationSetup setup, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select original_start, starts_at, ends_at, cancelled from occurrence
                 where event_id = ?1 and ends_at > ?2 order by starts_at, original_start limit ?3""", Object[].class)
                .setParameter(1, event.id).setParameter(2, clock.instant()).setParameter(3, limit).getResultList();
        List<RegistrationDesk.Occurrence> occurrences = rows.stream().map(r -> new RegistrationDesk.Occurrence(
                OccurrenceStore.instant(r[0]), OccurrenceStore.instant(r[1]), OccurrenceStore.instant(r[2]), (Boolean) r[3]))
                .toList();
        return RegistrationView.of(setup, new RegistrationView.ConsentText(config.consent().version(),
                config.consent().textFr(), config.consent().textEn()),
                new RegistrationView.ConsentText(config.newsletterConsent().version(), config.newsletterConsent().textFr(),
                        config.newsletterConsent().textEn()),
                availability(event, setup, occurrences));
    }

    List<RegistrationView.OccurrenceAvailability> availability(Event event, RegistrationSetup setup,
            List<RegistrationDesk.Occurrence> occurrences) {
        Map<Instant, RegistrationDesk.Availability> known = desk.availability(setup,
                occurrences.stream().map(RegistrationDesk.Occurrence::originalStart).toList());
        Instant now = clock.instant();
        List<RegistrationView.OccurrenceAvailability> result = new ArrayList<>();
        for (RegistrationDesk.Occurrence o : occurrences) {
            RegistrationDesk.Availability a = known.getOrDefault(o.originalStart(),
                    new RegistrationDesk.Availability(setup.capacity, setup.capacity, 0, false, false));
            Instant closesAt = setup.closesAt != null && setup.closesAt.isBefore(o.startsAt()) ? setup.closesAt : o.startsAt();
            RegistrationView.State state;
            if (event.status == EventStatus.CANCELLED || o.cancelled() || a.cancelled()) {
                state = RegistrationView.State.CANCELLED;
            } else if (setup.closed || a.closed() || !now.isBefore(closesAt)) {
                state = RegistrationView.State.CLOSED;
            } else if (setup.opensAt != null && now.isBefore(setup.opensAt)) {
                state = RegistrationView.State.NOT_YET_OPEN;
            } else if (a.seatsLeft() > 0) {
                state = RegistrationView.State.OPEN;
            } else {
                state = setup.waitlist ? RegistrationView.State.WAITLIST : RegistrationView.State.FULL;
            }
            result.add(new RegistrationView.OccurrenceAvailability(o.originalStart(), o.startsAt(), o.endsAt(),
                    a.capacity(), a.seatsLeft(), a.waitlisted(), state));
        }
        return result;
    }

}
