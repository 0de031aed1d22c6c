package fr.sudia.notifications.source;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.sudia.notifications.email.Emails;
import fr.sudia.notifications.email.Invitations;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.EventData;
import fr.sudia.platform.events.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * events.registration-notices.v1: events-service decided the registrant must be told; this decides how. A seat held
 * (confirmed, promoted from the waitlist) comes with the iCalendar invitation, a seat lost with its cancellation; the
 * reminder the day before comes alone.
 */
@ApplicationScoped
public class RegistrationNotices {

    public static final String NOTICES = "events.registration-notices.v1";
    public static final String CATEGORY = "events.registrations";
    private static final String PREFIX = "fr.sudia.events.registration.";
    private static final Logger LOG = Logger.getLogger(RegistrationNotices.class);

    private static final Map<String, String[]> SUBJECTS = Map.of(
            "confirmed", new String[] { "Inscription confirmée : %s", "Registration confirmed: %s" },
            "waitlisted", new String[] { "Liste d'attente : %s", "Waiting list: %s" },
            "promoted", new String[] { "Une place s'est libérée : %s", "A seat is yours: %s" },
            "cancelled", new String[] { "Inscription annulée : %s", "Registration cancelled: %s" },
            "occurrence-cancelled", new String[] { "Séance annulée : %s", "Session cancelled: %s" },
            "reminder", new String[] { "Rappel, c'est demain : %s", "Reminder, it is tomorrow: %s" });

    private final EventData eventData;
    private final Emails emails;
    private final Clock clock;
    private final String organizerEmail;

    RegistrationNotices(EventData eventData, Emails emails, Clock clock,
            @ConfigProperty(name = "sudia.notifications.email.organizer") String organizerEmail) {
        this.eventData = eventData;
        this.emails = emails;
        this.clock = clock;
        this.organizerEmail = organizerEmail;
    }

    public void handle(CloudEvent event) {
        if (!event.type().startsWith(PREFIX) || !SUBJECTS.containsKey(event.type().substring(PREFIX.length()))) {
            LOG.debugf("Ignoring event type %s", event.type());
            return;
        }
        String what = event.type().substring(PREFIX.length());
        RegistrationNotice notice = eventData.read(event, RegistrationNotice.class);
        RegistrationNotice.Occurrence occurrence = notice.occurrence();
        String language = notice.recipient().language();
        boolean english = "en".equals(language);
        String title = english && occurrence.titleEn() != null ? occurrence.titleEn() : occurrence.titleFr();
        ZoneId zone;
        try {
            zone = ZoneId.of(occurrence.timeZone());
        } catch (RuntimeException e) {
            throw new PoisonEventException("event " + event.id() + " has an unknown time zone " + occurrence.timeZone(), e);
        }
        Locale locale = english ? Locale.ENGLISH : Locale.FRENCH;
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        String place = java.util.stream.Stream.of(occurrence.venueName(), occurrence.city())
                .filter(s -> s != null && !s.isBlank()).reduce((a, b) -> a + ", " + b).orElse(null);

        Map<String, Object> data = new HashMap<>();
        data.put("what", what);
        data.put("name", notice.recipient().name() == null ? "" : notice.recipient().name());
        data.put("title", title);
        data.put("startsAt", format.format(occurrence.startsAt()));
        data.put("place", place == null ? "" : place);
        data.put("bookingCode", notice.bookingCode());
        data.put("seats", notice.seats());
        data.put("waitlistPosition", notice.waitlistPosition() == null ? "" : notice.waitlistPosition().toString());

        Emails.Invitation invitation = null;
        Invitations.Event calendarEvent = new Invitations.Event("registration-" + notice.registrationId() + "@sud-ia",
                title, occurrence.startsAt(), occurrence.endsAt(), place,
                (english ? "Booking code " : "Code de réservation ") + notice.bookingCode(), organizerEmail,
                notice.recipient().email(), notice.recipient().name());
        if ("confirmed".equals(what) || "promoted".equals(what)) {
            invitation = new Emails.Invitation("REQUEST", Invitations.request(calendarEvent, clock.instant()));
        } else if ("cancelled".equals(what) || "occurrence-cancelled".equals(what)) {
            invitation = new Emails.Invitation("CANCEL", Invitations.cancel(calendarEvent, clock.instant()));
        }
        String subject = fr.sudia.platform.text.ControlCharacters.cleanLine(SUBJECTS.get(what)[english ? 1 : 0].formatted(title));
        emails.queue(new Emails.Message(event.source() + "/" + event.id(), CATEGORY, "registration",
                notice.recipient().email(), language, subject, data, invitation));
    }
}
