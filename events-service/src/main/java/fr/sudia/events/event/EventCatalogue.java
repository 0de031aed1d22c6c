package fr.sudia.events.event;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.sudia.events.feed.CalendarVersion;
import fr.sudia.events.recurrence.OccurrenceStore;
import fr.sudia.events.recurrence.Recurrences;
import fr.sudia.events.series.Series;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.outbox.Outbox;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/**
 * Submitting, editing and moderating events. Every change of public content publishes a CloudEvent on
 * {@code events.events.v1} through the outbox and bumps the calendar version, in the same transaction.
 */
@ApplicationScoped
public class EventCatalogue {

    public static final String TOPIC = "events.events.v1";
    static final String TYPE = "fr.sudia.events.event.";

    private final Outbox outbox;
    private final CurrentActor actor;
    private final OccurrenceStore occurrences;
    private final CalendarVersion calendarVersion;
    private final Clock clock;
    private final EventHistory history;
    private final jakarta.enterprise.event.Event<OccurrencesCancelled> cancellations;

    EventCatalogue(Outbox outbox, CurrentActor actor, OccurrenceStore occurrences, CalendarVersion calendarVersion,
            Clock clock, EventHistory history, jakarta.enterprise.event.Event<OccurrencesCancelled> cancellations) {
        this.history = history;
        this.cancellations = cancellations;
        this.outbox = outbox;
        this.actor = actor;
        this.occurrences = occurrences;
        this.calendarVersion = calendarVersion;
        this.clock = clock;
    }

    /** A partner's event waits for an editor; an editor's is public at once. */
    @Transactional
    public Event submit(EventInput input) {
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.version = 1;
        event.createdAt = now();
        event.submittedBy = actor.subject();
        if (isEditor()) {
            event.organizerId = input.organizerId();
        } else {
            String own = actor.organizationId()
                    .orElseThrow(() -> new ForbiddenException("A partner token must name its organization (org claim)."));
            if (input.organizerId() != null) {
                actor.requireActsFor(input.organizerId().toString());
            }
            event.organizerId = UUID.fromString(own);
        }
        apply(event, input);
        event.status = input.status() == null ? EventStatus.SCHEDULED : input.status();
        event.moderation = Moderation.SUBMITTED;
        event.persist();
        if (isEditor()) {
            publish(event);
        }
        occurrences.rewrite(event);
        history.record(event, "SUBMITTED");
        return event;
    }

    /** A published event from a trusted source (the seed dataset), outside any request. */
    @Transactional
    public Event importPublished(EventInput input, String source) {
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.version = 1;
        event.createdAt = now();
        event.submittedBy = source;
        event.organizerId = input.organizerId();
        apply(event, input);
        event.status = input.status() == null ? EventStatus.SCHEDULED : input.status();
        event.moderation = Moderation.SUBMITTED;
        event.persist();
        publish(event);
        occurrences.rewrite(event);
        history.record(event, "IMPORTED", source);
        return event;
    }

    /** A trusted partner's edit of its published event stays published; the history keeps it for a rollback. */
    @Transactional
    public Event update(UUID id, long expectedVersion, EventInput input) {
        Event event = editable(id, expectedVersion);
        if (!isEditor() && input.organizerId() != null && !input.organizerId().equals(event.organizerId)) {
            throw new ForbiddenException("A partner cannot hand its event to another organization.");
        }
        replace(event, input);
        history.record(event, "UPDATED");
        return event;
    }

    /** An editor gives the event back the content it had at an earlier version (its moderation stays as it is). */
    @Transactional
    public Event restore(UUID id, long expectedVersion, long version) {
        Event event = editable(id, expectedVersion);
        EventInput earlier = history.contentAt(id, version);
        replace(event, earlier);
        history.recordRestore(event, version);
        return event;
    }

    private void replace(Event event, EventInput input) {
        Instant previousStart = event.startsAt;
        String before = timePlaceStatus(event);
        EventStatus previousStatus = event.status;
        if (isEditor() && input.organizerId() != null) {
            event.organizerId = input.organizerId();
        }
        apply(event, input);
        event.status = input.status() == null ? previousStatus : input.status();
        if (event.isPublic() && !previousStart.equals(event.startsAt)) {
            event.previousStart = previousStart;
            if (event.status == EventStatus.SCHEDULED) {
                event.status = EventStatus.RESCHEDULED;
            }
        }
        if (!before.equals(timePlaceStatus(event))) {
            event.sequence++;
        }
        changed(event);
        occurrences.rewrite(event);
        if (event.isPublic()) {
            boolean cancelled = event.status == EventStatus.CANCELLED && previousStatus != EventStatus.CANCELLED;
            announce(event, cancelled ? "cancelled" : "updated");
        }
        if (event.status == EventStatus.CANCELLED && previousStatus != EventStatus.CANCELLED) {
            cancellations.fire(new OccurrencesCancelled(event, null));
        }
    }

    @Transactional
    public Event approve(UUID id, long expectedVersion) {
        Event event = moderated(id, expectedVersion);
        if (event.moderation == Moderation.PUBLISHED) {
            throw new ClientErrorException("Event " + id + " is already published.", Status.CONFLICT);
        }
        event.refusalReason = null;
        changed(event);
        publish(event);
        history.record(event, "APPROVED");
        return event;
    }

    @Transactional
    public Event refuse(UUID id, long expectedVersion, String reason) {
        Event event = moderated(id, expectedVersion);
        if (event.moderation != Moderation.SUBMITTED) {
            throw new ClientErrorException("Only a submitted event can be refused; unpublish a published one.",
                    Status.CONFLICT);
        }
        event.moderation = Moderation.REFUSED;
        event.refusalReason = reason;
        changed(event);
        history.record(event, "REFUSED");
        return event;
    }

    @Transactional
    public Event unpublish(UUID id, long expectedVersion) {
        Event event = moderated(id, expectedVersion);
        if (event.moderation != Moderation.PUBLISHED) {
            throw new ClientErrorException("Event " + id + " is not published.", Status.CONFLICT);
        }
        event.moderation = Moderation.UNPUBLISHED;
        changed(event);
        announce(event, "unpublished");
        history.record(event, "UNPUBLISHED");
        return event;
    }

    /** Cancels one occurrence of a recurring event, moves it, or restores it. */
    @Transactional
    public Event changeOccurrence(UUID id, long expectedVersion, Instant originalStart, OccurrenceChange change) {
        Event event = editable(id, expectedVersion);
        if (!occurrences.hasSlot(event, originalStart)) {
            throw new NotFoundException("Event " + id + " has no occurrence starting at " + originalStart + ".");
        }
        int sequence = occurrences.overrides(id).stream().filter(o -> o.originalStart().equals(originalStart))
                .mapToInt(OccurrenceStore.Override::sequence).max().orElse(event.sequence) + 1;
        occurrences.saveOverride(id, new OccurrenceStore.Override(originalStart, change.cancelled(), change.startsAt(),
                change.endsAt(), sequence, now()));
        if (change.cancelled()) {
            cancellations.fire(new OccurrencesCancelled(event, originalStart));
        }
        changed(event);
        occurrences.rewrite(event);
        if (event.isPublic()) {
            announce(event, "updated");
        }
        history.record(event, "OCCURRENCE_CHANGED");
        return event;
    }

    /** Events that are not public are seen by editors and by the organizer's partners only. */
    public boolean canSee(Event event) {
        return event.isPublic() || isEditor() || event.organizerId != null
                && actor.hasRole(Roles.PARTNER) && event.organizerId.toString().equals(actor.organizationId().orElse(null));
    }

    public static NotFoundException notFound(UUID id) {
        return new NotFoundException("No event " + id + ".");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Event editable(UUID id, long expectedVersion) {
        Event event = Event.find(id).filter(this::canSee).orElseThrow(() -> notFound(id));
        if (!isEditor()) {
            actor.requireActsFor(event.organizerId == null ? null : event.organizerId.toString());
        }
        checkVersion(event, expectedVersion);
        return event;
    }

    private Event moderated(UUID id, long expectedVersion) {
        Event event = Event.find(id).orElseThrow(() -> notFound(id));
        checkVersion(event, expectedVersion);
        return event;
    }

    private static void checkVersion(Event event, long expectedVersion) {
        Versions.requireCurrent("Event " + event.id, event.version, expectedVersion);
    }

    private void apply(Event event, EventInput input) {
        if (input.seriesId() != null && Series.findById(input.seriesId()) == null) {
            throw new BadRequestException("seriesId: no series " + input.seriesId() + ".");
        }
        event.titleFr = input.titleFr().strip();
        event.titleEn = input.titleEn();
        event.descriptionFr = input.descriptionFr();
        event.descriptionEn = input.descriptionEn();
        event.timeZone = input.zone().getId();
        event.allDay = Boolean.TRUE.equals(input.allDay());
        event.startsAt = input.startsAt().truncatedTo(ChronoUnit.SECONDS);
        event.endsAt = input.endsAt().truncatedTo(ChronoUnit.SECONDS);
        EventInput.Venue venue = input.venue();
        event.venueName = venue == null ? null : venue.name();
        event.venueAddress = venue == null ? null : venue.address();
        event.city = venue == null ? null : venue.city();
        event.latitude = venue == null ? null : venue.latitude();
        event.longitude = venue == null ? null : venue.longitude();
        event.onlineUrl = input.onlineUrl();
        event.attendanceMode = AttendanceMode.of(venue != null, input.onlineUrl() != null);
        event.audiences = input.audiences() == null ? new ArrayList<>()
                : new ArrayList<>(input.audiences().stream().distinct().map(Audience::name).toList());
        event.tags = input.tags() == null ? new ArrayList<>()
                : new ArrayList<>(input.tags().stream().map(t -> t.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList());
        event.seriesId = input.seriesId();
        event.edition = input.edition();
        event.url = input.url();
        event.priceEur = input.priceEur();
        event.registrationUrl = input.registrationUrl();
        event.capacity = input.capacity();
        if (input.recurrence() == null) {
            event.rrule = null;
            event.exdates = new ArrayList<>();
        } else {
            event.rrule = Recurrences.normalize(input.recurrence().rrule());
            List<Instant> exceptions = input.recurrence().exceptions() == null ? List.of() : input.recurrence().exceptions();
            event.exdates = new ArrayList<>(exceptions.stream().map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString())
                    .distinct().toList());
        }
        event.updatedAt = now();
    }

    private void publish(Event event) {
        event.moderation = Moderation.PUBLISHED;
        event.publishedAt = now();
        event.updatedAt = now();
        announce(event, "published");
    }

    private void changed(Event event) {
        event.version++;
        event.updatedAt = now();
    }

    private void announce(Event event, String type) {
        outbox.publish(TOPIC, TYPE + type, event.id.toString(), EventChanged.of(event));
        calendarVersion.bump();
    }

    private static String timePlaceStatus(Event e) {
        return String.join("|", String.valueOf(e.startsAt), String.valueOf(e.endsAt), String.valueOf(e.allDay),
                e.timeZone, Objects.toString(e.rrule), String.valueOf(e.exdates), Objects.toString(e.venueName),
                Objects.toString(e.venueAddress), Objects.toString(e.city), Objects.toString(e.latitude),
                Objects.toString(e.longitude), Objects.toString(e.onlineUrl), String.valueOf(e.status));
    }

    private boolean isEditor() {
        return actor.hasRole(Roles.EDITOR) || actor.hasRole(Roles.ADMIN);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
