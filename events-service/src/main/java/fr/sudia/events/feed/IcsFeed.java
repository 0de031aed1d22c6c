package fr.sudia.events.feed;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventStatus;
import fr.sudia.events.recurrence.OccurrenceStore;
import fr.sudia.events.search.EventSearch.FeedEvent;
import fr.sudia.platform.text.ControlCharacters;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * The iCalendar (RFC 5545) feed, built with ical4j. Each event is one VEVENT whose UID never changes; a
 * recurring one carries its RRULE and EXDATEs, and each changed occurrence is a VEVENT of the same UID with
 * its RECURRENCE-ID. DTSTAMP is the event's last change, so the same content always gives the same bytes.
 */
public final class IcsFeed {

    private static final Logger LOG = Logger.getLogger(IcsFeed.class);

    /** RFC 5545 3.1: content lines SHOULD NOT be longer than 75 octets, excluding the line break. */
    static final int MAX_LINE_OCTETS = 75;

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private IcsFeed() {
    }

    public static String uid(UUID eventId) {
        return eventId + "@events.sud-ia.fr";
    }

    public static Calendar calendar(List<FeedEvent> events, String publicUrl, boolean english) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Sud IA Platform//events-service//FR"));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new XProperty("X-WR-CALNAME", english ? "Région Sud AI events" : "Événements IA de la Région Sud"));
        calendar.add(new XProperty("X-WR-TIMEZONE", "Europe/Paris"));
        List<String> zones = new ArrayList<>(List.of("Europe/Paris"));
        List<VEvent> vevents = new ArrayList<>();
        for (FeedEvent feedEvent : events) {
            Event e = feedEvent.event();
            // One event that cannot be written (a row stored before today's checks) is left out, never the calendar.
            try {
                List<VEvent> own = new ArrayList<>();
                own.add(master(feedEvent, publicUrl, english));
                if (e.isRecurring()) {
                    for (OccurrenceStore.Override change : feedEvent.overrides()) {
                        own.add(override(feedEvent, change, publicUrl, english));
                    }
                }
                if (!e.allDay && !zones.contains(e.timeZone)) {
                    if (ZONES.getTimeZone(e.timeZone) == null) {
                        throw new IllegalStateException("unknown time zone " + e.timeZone);
                    }
                    zones.add(e.timeZone);
                }
                own.forEach(VEvent::toString);
                vevents.addAll(own);
            } catch (RuntimeException failure) {
                LOG.warnf(failure, "Event %s left out of the iCalendar feed: it cannot be written", e.id);
            }
        }
        zones.forEach(zone -> calendar.add(ZONES.getTimeZone(zone).getVTimeZone()));
        vevents.forEach(calendar::add);
        return calendar;
    }

    /**
     * One booked occurrence, for the registrant's own calendar (METHOD:PUBLISH): its UID is the booking's, so it
     * never collides with the event subscribed to through the feed, and a cancelled booking updates the same entry.
     */
    public static String invitation(Event e, UUID bookingId, String bookingCode, Instant start, Instant end,
            boolean cancelled, String publicUrl, boolean english) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Sud IA Platform//events-service//FR"));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new net.fortuna.ical4j.model.property.Method(net.fortuna.ical4j.model.property.immutable.ImmutableMethod.PUBLISH.getValue()));
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(bookingId + "@bookings.events.sud-ia.fr"));
        vevent.add(new DtStamp(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        vevent.add(new Summary(Texts.title(e, english)));
        vevent.add(new Description((english ? "Booking code: " : "Code de réservation : ") + bookingCode));
        String location = location(e);
        if (location != null) {
            vevent.add(new Location(location));
        }
        if (e.latitude != null) {
            vevent.add(new Geo(BigDecimal.valueOf(e.latitude), BigDecimal.valueOf(e.longitude)));
        }
        vevent.add(new Url(URI.create(Texts.link(e, publicUrl))));
        times(vevent, e, start, end);
        vevent.add(new Status(cancelled ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        if (!e.allDay) {
            String zone = ZONES.getTimeZone(e.timeZone) == null ? "Europe/Paris" : e.timeZone;
            calendar.add(ZONES.getTimeZone(zone).getVTimeZone());
        }
        calendar.add(vevent);
        return write(calendar);
    }

    private static VEvent master(FeedEvent feedEvent, String publicUrl, boolean english) {
        Event e = feedEvent.event();
        VEvent vevent = new VEvent(false);
        common(vevent, e, publicUrl, english);
        times(vevent, e, e.startsAt, e.endsAt);
        vevent.add(new Sequence(e.sequence));
        vevent.add(new Status(status(e.status)));
        if (e.isRecurring()) {
            vevent.add(new RRule<>(e.rrule));
            if (!e.exdates.isEmpty()) {
                DateList<Temporal> dates = new DateList<>();
                e.exdates.forEach(date -> dates.add(at(e, Instant.parse(date))));
                vevent.add(new ExDate<>(dates));
            }
        }
        return vevent;
    }

    private static VEvent override(FeedEvent feedEvent, OccurrenceStore.Override change, String publicUrl,
            boolean english) {
        Event e = feedEvent.event();
        VEvent vevent = new VEvent(false);
        common(vevent, e, publicUrl, english);
        vevent.add(new RecurrenceId<>(at(e, change.originalStart())));
        java.time.Duration length = java.time.Duration.between(e.startsAt, e.endsAt);
        Instant start = change.startsAt() == null ? change.originalStart() : change.startsAt();
        Instant end = change.endsAt() == null ? change.originalStart().plus(length) : change.endsAt();
        times(vevent, e, start, end);
        vevent.add(new Sequence(Math.max(e.sequence, change.sequence())));
        vevent.add(new Status(change.cancelled() ? Status.VALUE_CANCELLED : status(e.status)));
        return vevent;
    }

    private static void common(VEvent vevent, Event e, String publicUrl, boolean english) {
        vevent.add(new Uid(uid(e.id)));
        Instant modified = e.updatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        vevent.add(new DtStamp(modified));
        vevent.add(new LastModified(modified));
        vevent.add(new Summary(Texts.title(e, english)));
        String description = ControlCharacters.clean(english && e.descriptionEn != null ? e.descriptionEn : e.descriptionFr);
        String online = Texts.link(e.onlineUrl);
        if (online != null) {
            description = (description == null ? "" : description + "\n\n") + online;
        }
        if (description != null) {
            vevent.add(new Description(description));
        }
        String location = location(e);
        if (location != null) {
            vevent.add(new Location(location));
        }
        if (e.latitude != null) {
            vevent.add(new Geo(BigDecimal.valueOf(e.latitude), BigDecimal.valueOf(e.longitude)));
        }
        vevent.add(new Url(URI.create(Texts.link(e, publicUrl))));
        List<String> categories = new ArrayList<>();
        Texts.tags(e).forEach(categories::add);
        e.audiences.forEach(a -> categories.add(a.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        if (!categories.isEmpty()) {
            vevent.add(new Categories(new TextList(categories)));
        }
    }

    private static void times(VEvent vevent, Event e, Instant start, Instant end) {
        vevent.add(new DtStart<>(at(e, start)));
        vevent.add(new DtEnd<>(at(e, end)));
    }

    /** A date for all-day events, else a local time in the event's zone (TZID), so DST is the client's to apply. */
    private static Temporal at(Event e, Instant instant) {
        ZonedDateTime local = instant.atZone(ZoneId.of(e.timeZone));
        return e.allDay ? LocalDate.from(local) : local;
    }

    static String location(Event e) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] { e.venueName, e.venueAddress, e.city }) {
            part = ControlCharacters.cleanLine(part);
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return Texts.link(e.onlineUrl);
        }
        return String.join(", ", parts);
    }

    /** The calendar as RFC 5545 text: CRLF lines folded at 75 octets, never inside a UTF-8 sequence. */
    public static String write(Calendar calendar) {
        String unfolded = calendar.toString();
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 64);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            fold(line, folded);
        }
        return folded.toString();
    }

    static void fold(String line, StringBuilder out) {
        int octets = 0;
        int limit = MAX_LINE_OCTETS;
        for (int i = 0; i < line.length();) {
            int codePoint = line.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    private static String status(EventStatus status) {
        return switch (status) {
            case CANCELLED -> Status.VALUE_CANCELLED;
            case POSTPONED -> Status.VALUE_TENTATIVE;
            default -> Status.VALUE_CONFIRMED;
        };
    }
}
