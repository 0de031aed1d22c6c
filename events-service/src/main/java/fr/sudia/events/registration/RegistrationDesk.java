package fr.sudia.events.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventCatalogue;
import fr.sudia.events.event.EventStatus;
import fr.sudia.events.event.OccurrencesCancelled;
import fr.sudia.events.feed.CalendarVersion;
import fr.sudia.events.recurrence.OccurrenceStore;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.outbox.Outbox;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/**
 * Bookings of an event's occurrences. Every change of an occurrence's seats happens while its
 * {@code registration_slot} row is locked: bookings of one occurrence are serialized, so capacity is never
 * exceeded and the waitlist keeps the order in which bookings took the lock.
 *
 * <p>Promotion rule: when seats free up (a cancellation, fewer seats, a higher capacity), the waitlist is read in
 * arrival order and every booking that fits in the seats left is confirmed; one that does not fit (a group larger
 * than what is left) keeps its place and the next one is tried.
 */
@ApplicationScoped
public class RegistrationDesk {

    public static final String NOTICES_TOPIC = "events.registration-notices.v1";
    static final String NOTICE_TYPE = "fr.sudia.events.registration.";

    private final EntityManager em;
    private final Outbox outbox;
    private final CurrentActor actor;
    private final EventCatalogue catalogue;
    private final RegistrationConfig config;
    private final Clock clock;
    private final CalendarVersion calendarVersion;

    RegistrationDesk(EntityManager em, Outbox outbox, CurrentActor actor, EventCatalogue catalogue,
            RegistrationConfig config, Clock clock, CalendarVersion calendarVersion) {
        this.calendarVersion = calendarVersion;
        this.em = em;
        this.outbox = outbox;
        this.actor = actor;
        this.catalogue = catalogue;
        this.config = config;
        this.clock = clock;
    }

    /** A booking just made: the management token is known only now (the database keeps its hash). */
    public record Booked(Registration registration, String token, Integer waitlistPosition, Event event,
            Occurrence occurrence) {
    }

    /** An occurrence as the occurrence table has it. */
    public record Occurrence(Instant originalStart, Instant startsAt, Instant endsAt, boolean cancelled) {
    }

    /** An occurrence's booking state, read while it is locked. */
    record Slot(Integer capacity, int confirmedSeats, boolean closed, boolean cancelled) {
        int capacityWith(RegistrationSetup setup) {
            return capacity == null ? setup.capacity : capacity;
        }
    }

    // ---- the organizer's settings ----

    @Transactional
    public RegistrationSetup setUp(UUID eventId, String ifMatch, RegistrationSetupInput input) {
        Event event = organized(eventId);
        if (input.opensAt() != null && input.closesAt() != null && !input.closesAt().isAfter(input.opensAt())) {
            throw new BadRequestException("closesAt: must come after opensAt.");
        }
        if (event.registrationUrl != null) {
            throw new ClientErrorException("Event " + eventId + " takes its registrations on " + event.registrationUrl
                    + ": remove registrationUrl first.", Status.CONFLICT);
        }
        checkQuestions(input.questions());
        RegistrationSetup setup = RegistrationSetup.findById(eventId);
        boolean created = setup == null;
        if (created) {
            setup = new RegistrationSetup();
            setup.eventId = eventId;
            setup.version = 1;
        } else {
            Versions.requireCurrent("The registration of event " + eventId, setup.version, Versions.requireIfMatch(ifMatch));
            setup.version++;
        }
        setup.capacity = input.capacity();
        setup.opensAt = truncate(input.opensAt());
        setup.closesAt = truncate(input.closesAt());
        setup.audiences = new ArrayList<>(input.audiences() == null ? List.of()
                : input.audiences().stream().distinct().map(Enum::name).toList());
        setup.groupsAllowed = input.groupsAllowed();
        setup.waitlist = input.waitlist();
        setup.maxSeatsPerBooking = input.maxSeatsPerBooking() == null ? 1 : input.maxSeatsPerBooking();
        setup.questions = new ArrayList<>(input.questions() == null ? List.of() : input.questions());
        setup.measures = new ArrayList<>(input.measures() == null ? List.of() : input.measures().stream().distinct().sorted().toList());
        setup.placeOrganizationId = input.placeOrganizationId();
        setup.closed = input.closed();
        setup.updatedAt = now();
        if (created) {
            setup.persist();
            calendarVersion.bump(); // the feeds now offer booking for this event
        } else {
            // A higher capacity frees seats on every occurrence that follows the event's.
            for (Instant start : slotStarts(eventId, "capacity is null")) {
                promote(setup, event, start, lockSlot(eventId, start));
            }
        }
        return setup;
    }

    /** One occurrence's own capacity (null: the event's) and whether its bookings are closed. */
    @Transactional
    public Slot changeOccurrence(UUID eventId, Instant originalStart, Integer capacity, boolean closed) {
        Event event = organized(eventId);
        RegistrationSetup setup = setupOf(eventId);
        occurrence(eventId, originalStart);
        Slot slot = lockSlot(eventId, originalStart);
        int newCapacity = capacity == null ? setup.capacity : capacity;
        if (newCapacity < slot.confirmedSeats()) {
            throw new ClientErrorException("capacity: " + slot.confirmedSeats() + " seats are booked already; cancel "
                    + "bookings before lowering the capacity under that.", Status.CONFLICT);
        }
        em.createNativeQuery("update registration_slot set capacity = ?3, closed = ?4 where event_id = ?1 and original_start = ?2")
                .setParameter(1, eventId).setParameter(2, originalStart).setParameter(3, capacity).setParameter(4, closed)
                .executeUpdate();
        promote(setup, event, originalStart, lockSlot(eventId, originalStart));
        return lockSlot(eventId, originalStart);
    }

    /**
     * The occurrence (or, with {@code originalStart} null, the whole event) was cancelled: its bookings are
     * cancelled and every registrant is told.
     */
    void occurrenceCancelled(@jakarta.enterprise.event.Observes OccurrencesCancelled cancelled) {
        occurrenceCancelled(cancelled.event(), cancelled.originalStart());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void occurrenceCancelled(Event event, Instant originalStart) {
        List<Registration> registrations = originalStart == null
                ? Registration.list("eventId = ?1 and status <> ?2 and originalStart >= ?3", event.id, BookingStatus.CANCELLED, now())
                : Registration.list("eventId = ?1 and originalStart = ?2 and status <> ?3", event.id, originalStart,
                        BookingStatus.CANCELLED);
        for (Registration registration : registrations) {
            registration.status = BookingStatus.CANCELLED;
            registration.cancelledAt = now();
            registration.updatedAt = now();
            notice(event, registration, "occurrence-cancelled", null);
        }
        em.createNativeQuery("update registration_slot set cancelled = true, confirmed_seats = 0 where event_id = ?1"
                + (originalStart == null ? " and original_start >= ?2" : " and original_start = ?2"))
                .setParameter(1, event.id).setParameter(2, originalStart == null ? now() : originalStart).executeUpdate();
    }

    // ---- bookings ----

    /**
     * Books for a person. Runs inside the transaction of a {@link BookingLanes} batch, which is why it is not
     * itself transactional: a refused booking (a 4xx) must leave the other bookings of the batch alone.
     */
    public Booked bookIndividual(UUID eventId, Instant originalStart, IndividualBooking input) {
        Context context = open(eventId, originalStart);
        if (!context.setup().targets(input.audience())) {
            throw new BadRequestException("audience: this activity is for " + String.join(", ", context.setup().audiences) + ".");
        }
        int seats = input.seats() == null ? 1 : input.seats();
        if (seats > context.setup().maxSeatsPerBooking) {
            throw new BadRequestException("seats: at most " + context.setup().maxSeatsPerBooking + " per booking.");
        }
        Registration registration = newRegistration(context, BookingKind.INDIVIDUAL, seats, input.consent(),
                input.newsletter(), input.language());
        registration.name = input.name().strip();
        registration.email = input.email().strip();
        registration.audience = input.audience();
        place(registration, input.inseeCode(), input.postcode());
        registration.answers = answers(context.setup(), input.answers());
        return take(context, registration);
    }

    /** Books for a group; like {@link #bookIndividual}, inside a {@link BookingLanes} batch. */
    public Booked bookGroup(UUID eventId, Instant originalStart, GroupBooking input) {
        Context context = open(eventId, originalStart);
        if (!context.setup().groupsAllowed) {
            throw new BadRequestException("level: this activity takes no group bookings.");
        }
        if (input.level().isSchool() && (input.uai() == null || !Places.isUai(input.uai()))) {
            throw new BadRequestException("uai: a school's UAI code is seven digits and its check letter, such as 0060030A.");
        }
        if (!input.level().isSchool() && input.uai() != null && !Places.isUai(input.uai())) {
            throw new BadRequestException("uai: seven digits and the check letter, such as 0060030A.");
        }
        if (input.girls() != null && input.girls() > input.headCount()) {
            throw new BadRequestException("girls: cannot be more than headCount.");
        }
        AudienceCategory audience = input.level().audience();
        if (!context.setup().targets(audience)) {
            throw new BadRequestException("level: this activity is for " + String.join(", ", context.setup().audiences) + ".");
        }
        int capacity = context.slot().capacityWith(context.setup());
        if (input.headCount() > capacity) {
            throw new BadRequestException("headCount: more than the " + capacity + " seats of the occurrence.");
        }
        Registration registration = newRegistration(context, BookingKind.GROUP, input.headCount(), input.consent(),
                input.newsletter(), input.language());
        registration.name = input.contactName().strip();
        registration.email = input.contactEmail().strip();
        registration.audience = audience;
        registration.structureName = input.structureName().strip();
        registration.uai = input.uai();
        registration.level = input.level();
        registration.girls = input.girls();
        place(registration, input.inseeCode(), input.postcode());
        registration.answers = answers(context.setup(), input.answers());
        return take(context, registration);
    }

    /** The registrant changes the number of seats (a group its head count). */
    @Transactional
    public Registration changeSeats(String token, int seats) {
        Registration registration = byToken(token);
        requireActive(registration);
        Event event = Event.<Event>findById(registration.eventId);
        RegistrationSetup setup = setupOf(registration.eventId);
        Slot slot = lockSlot(registration.eventId, registration.originalStart);
        requireBeforeStart(registration);
        int capacity = slot.capacityWith(setup);
        if (registration.kind == BookingKind.INDIVIDUAL && seats > setup.maxSeatsPerBooking) {
            throw new BadRequestException("seats: at most " + setup.maxSeatsPerBooking + " per booking.");
        }
        if (seats > capacity) {
            throw new BadRequestException("seats: more than the " + capacity + " seats of the occurrence.");
        }
        if (registration.girls != null && registration.girls > seats) {
            registration.girls = seats;
        }
        if (registration.status == BookingStatus.CONFIRMED) {
            int confirmed = slot.confirmedSeats() - registration.seats + seats;
            if (confirmed > capacity) {
                throw new ClientErrorException("seats: only " + (capacity - slot.confirmedSeats() + registration.seats)
                        + " seats are left for this booking.", Status.CONFLICT);
            }
            setConfirmedSeats(registration, confirmed);
        }
        registration.seats = seats;
        registration.updatedAt = now();
        promote(setup, event, registration.originalStart, lockSlot(registration.eventId, registration.originalStart));
        return registration;
    }

    /** Withdraws the newsletter consent, recording when; as easy as giving it, and harmless when repeated. */
    @Transactional
    public Registration withdrawNewsletter(String token) {
        Registration registration = byToken(token);
        if (registration.newsletterConsentAt != null && registration.newsletterWithdrawnAt == null) {
            registration.newsletterWithdrawnAt = now();
            registration.updatedAt = registration.newsletterWithdrawnAt;
        }
        return registration;
    }

    @Transactional
    public Registration cancel(String token) {
        Registration registration = byToken(token);
        requireActive(registration);
        lockSlot(registration.eventId, registration.originalStart);
        requireBeforeStart(registration);
        cancelLocked(registration, true);
        return registration;
    }

    /**
     * The registrant erases their registration: a booking still to come is cancelled, and name, email and
     * answers are removed at once; the counts (category, commune, seats, presence) stay for the plan's figures.
     */
    @Transactional
    public void erase(String token) {
        erase(byToken(token));
    }

    /**
     * Erases one registration, as its registrant's link or an erasure request (issue 21) asks: still to come, it is
     * cancelled as a cancellation by the registrant would be (the seats go to the waitlist), without telling the
     * address; then name, email, structure and answers go.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(Registration registration) {
        lockSlot(registration.eventId, registration.originalStart);
        if (registration.status != BookingStatus.CANCELLED && registration.originalStart.isAfter(now())) {
            cancelLocked(registration, false); // erased at once: nothing is sent to the address any more
        }
        pseudonymize(registration);
    }

    public Registration byToken(String token) {
        if (!BookingSecrets.isToken(token)) {
            throw bookingNotFound();
        }
        return Registration.<Registration>find("manageTokenHash", BookingSecrets.hash(token)).firstResultOptional()
                .orElseThrow(RegistrationDesk::bookingNotFound);
    }

    // ---- check-in ----

    @Schema(description = "CHECKED_IN: présence enregistrée / recorded as present; ALREADY_RECORDED: ce scan était déjà "
            + "enregistré / this scan was already recorded; NOT_FOUND: code inconnu / unknown booking code; NOT_CONFIRMED: "
            + "réservation non confirmée (liste d'attente, annulée) / booking not confirmed (waitlisted, cancelled)")
    public enum CheckInOutcome {
        CHECKED_IN, ALREADY_RECORDED, NOT_FOUND, NOT_CONFIRMED
    }

    public record CheckInResult(UUID checkInId, String bookingCode, CheckInOutcome outcome,
            @Schema(nullable = true, description = "People present of this booking; null when the booking was not found or not confirmed") Integer present,
            @Schema(nullable = true, description = "Seats of the booking; null when it was not found") Integer seats) {
    }

    /**
     * Records check-ins sent by door devices, possibly much later (offline) with their own time. A check-in id seen
     * before changes nothing; the booking's presence is the one of its latest check-in by time, so repeated scans
     * count once and a group's corrected head count wins.
     */
    @Transactional
    public List<CheckInResult> checkIn(UUID eventId, Instant originalStart, List<CheckInInput> checkIns) {
        organized(eventId);
        Occurrence occurrence = occurrence(eventId, originalStart);
        Instant now = now();
        List<CheckInResult> results = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < checkIns.size(); i++) {
            CheckInInput input = checkIns.get(i);
            Instant at = input.checkedAt() == null ? now : input.checkedAt().truncatedTo(ChronoUnit.MICROS);
            if (at.isAfter(now.plusSeconds(300))) {
                throw new BadRequestException("checkIns[" + i + "].checkedAt: in the future.");
            }
            Optional<Registration> found = Registration.<Registration>find(
                    "eventId = ?1 and originalStart = ?2 and bookingCode = ?3", eventId, originalStart,
                    input.bookingCode().strip().toUpperCase(java.util.Locale.ROOT)).firstResultOptional();
            if (found.isEmpty()) {
                results.add(new CheckInResult(input.id(), input.bookingCode(), CheckInOutcome.NOT_FOUND, null, null));
                continue;
            }
            Registration registration = found.get();
            if (registration.status != BookingStatus.CONFIRMED) {
                results.add(new CheckInResult(input.id(), registration.bookingCode, CheckInOutcome.NOT_CONFIRMED, null,
                        registration.seats));
                continue;
            }
            int present = input.present() == null ? registration.seats : input.present();
            if (present > registration.seats) {
                throw new BadRequestException("checkIns[" + i + "].present: more than the " + registration.seats
                        + " seats booked.");
            }
            int inserted = em.createNativeQuery("""
                    insert into check_in (id, registration_id, present, checked_at, received_at, device)
                    values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (id) do nothing""")
                    .setParameter(1, input.id()).setParameter(2, registration.id).setParameter(3, present)
                    .setParameter(4, at).setParameter(5, now).setParameter(6, input.device()).executeUpdate();
            if (inserted == 0) {
                results.add(new CheckInResult(input.id(), registration.bookingCode, CheckInOutcome.ALREADY_RECORDED,
                        registration.present, registration.seats));
                continue;
            }
            Object[] latest = (Object[]) em.createNativeQuery("""
                    select present, (select min(checked_at) from check_in where registration_id = ?1)
                      from check_in where registration_id = ?1 order by checked_at desc, received_at desc limit 1""")
                    .setParameter(1, registration.id).getSingleResult();
            registration.present = ((Number) latest[0]).intValue();
            registration.checkedInAt = OccurrenceStore.instant(latest[1]);
            registration.updatedAt = now;
            changed = true;
            results.add(new CheckInResult(input.id(), registration.bookingCode, CheckInOutcome.CHECKED_IN,
                    registration.present, registration.seats));
        }
        if (changed && !occurrence.endsAt().isAfter(now)) {
            em.createNativeQuery("update registration_slot set attendance_stale = true where event_id = ?1 and original_start = ?2")
                    .setParameter(1, eventId).setParameter(2, originalStart).executeUpdate();
        }
        return results;
    }

    // ---- reads ----

    /** An occurrence's availability for the public: capacity, seats left, waitlist length. */
    public record Availability(int capacity, int seatsLeft, int waitlisted, boolean closed, boolean cancelled) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Instant, Availability> availability(RegistrationSetup setup, List<Instant> starts) {
        Map<Instant, Availability> result = new HashMap<>();
        if (starts.isEmpty()) {
            return result;
        }
        List<Object[]> rows = em.createNativeQuery("""
                select s.original_start, s.capacity, s.confirmed_seats, s.closed, s.cancelled,
                       (select count(*) from registration r where r.event_id = s.event_id
                           and r.original_start = s.original_start and r.status = 'WAITLISTED')
                  from registration_slot s where s.event_id = ?1 and s.original_start = any(?2)""", Object[].class)
                .setParameter(1, setup.eventId).setParameter(2, starts.toArray(Instant[]::new)).getResultList();
        for (Object[] row : rows) {
            int capacity = row[1] == null ? setup.capacity : ((Number) row[1]).intValue();
            int confirmed = ((Number) row[2]).intValue();
            result.put(OccurrenceStore.instant(row[0]), new Availability(capacity, Math.max(0, capacity - confirmed),
                    ((Number) row[5]).intValue(), (Boolean) row[3], (Boolean) row[4]));
        }
        return result;
    }

    /** The event, for its organizer's partners, editors and admins; a 404 for anyone else. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event organized(UUID eventId) {
        Event event = Event.find(eventId).filter(catalogue::canSee).orElseThrow(() -> EventCatalogue.notFound(eventId));
        boolean editor = actor.hasRole(Roles.EDITOR) || actor.hasRole(Roles.ADMIN);
        if (!editor && !(event.organizerId != null && actor.hasRole(Roles.PARTNER)
                && event.organizerId.toString().equals(actor.organizationId().orElse(null)))) {
            throw EventCatalogue.notFound(eventId);
        }
        return event;
    }

    public static RegistrationSetup setupOf(UUID eventId) {
        return RegistrationSetup.<RegistrationSetup>findByIdOptional(eventId).orElseThrow(() -> new NotFoundException(
                "Event " + eventId + " takes no registrations on the platform."));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Occurrence occurrence(UUID eventId, Instant originalStart) {
        return findOccurrence(eventId, originalStart).orElseThrow(() -> new NotFoundException(
                "Event " + eventId + " has no occurrence starting at " + originalStart + "."));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Occurrence> findOccurrence(UUID eventId, Instant originalStart) {
        List<Object[]> rows = em.createNativeQuery("""
                select original_start, starts_at, ends_at, cancelled from occurrence
                 where event_id = ?1 and original_start = ?2""", Object[].class)
                .setParameter(1, eventId).setParameter(2, originalStart).getResultList();
        return rows.stream().findFirst().map(row -> new Occurrence(OccurrenceStore.instant(row[0]),
                OccurrenceStore.instant(row[1]), OccurrenceStore.instant(row[2]), (Boolean) row[3]));
    }

    // ---- inside ----

    private record Context(Event event, RegistrationSetup setup, Occurrence occurrence, Slot slot) {
    }

    /** The occurrence, locked, if it takes bookings now; a clear 404 or 409 otherwise. */
    private Context open(UUID eventId, Instant originalStart) {
        Event event = Event.find(eventId).filter(Event::isPublic).orElseThrow(() -> EventCatalogue.notFound(eventId));
        RegistrationSetup setup = setupOf(eventId);
        Occurrence occurrence = findOccurrence(eventId, originalStart).orElseThrow(() -> new NotFoundException(
                "Event " + eventId + " has no occurrence starting at " + originalStart + "."));
        Slot slot = lockSlot(eventId, originalStart);
        Instant now = now();
        if (event.status == EventStatus.CANCELLED || occurrence.cancelled() || slot.cancelled()) {
            throw new ClientErrorException("This occurrence is cancelled.", Status.CONFLICT);
        }
        if (setup.closed || slot.closed()) {
            throw new ClientErrorException("Registration for this occurrence is closed.", Status.CONFLICT);
        }
        if (setup.opensAt != null && now.isBefore(setup.opensAt)) {
            throw new ClientErrorException("Registration opens at " + setup.opensAt + ".", Status.CONFLICT);
        }
        Instant closesAt = setup.closesAt != null && setup.closesAt.isBefore(occurrence.startsAt()) ? setup.closesAt
                : occurrence.startsAt();
        if (!now.isBefore(closesAt)) {
            throw new ClientErrorException("Registration for this occurrence closed at " + closesAt + ".", Status.CONFLICT);
        }
        return new Context(event, setup, occurrence, slot);
    }

    private Registration newRegistration(Context context, BookingKind kind, int seats, Consent consent,
            boolean newsletter, IndividualBooking.Language language) {
        if (!consent.accepted()) {
            throw new BadRequestException("consent.accepted: registration needs your consent to the processing of these data.");
        }
        if (!config.consent().version().equals(consent.version())) {
            throw new BadRequestException("consent.version: the current consent text is version " + config.consent().version()
                    + "; show it and send that version.");
        }
        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.eventId = context.event().id;
        registration.originalStart = context.occurrence().originalStart();
        registration.kind = kind;
        registration.seats = seats;
        registration.consentVersion = consent.version();
        registration.consentAt = now();
        registration.newsletterConsentAt = newsletter ? now() : null;
        registration.newsletterConsentVersion = newsletter ? config.newsletterConsent().version() : null;
        registration.language = language == null ? "fr" : language.name();
        registration.createdAt = now();
        registration.updatedAt = registration.createdAt;
        return registration;
    }

    private Booked take(Context context, Registration registration) {
        int capacity = context.slot().capacityWith(context.setup());
        boolean fits = context.slot().confirmedSeats() + registration.seats <= capacity;
        if (!fits && !context.setup().waitlist) {
            throw new ClientErrorException("This occurrence is full (" + capacity + " seats).", Status.CONFLICT);
        }
        String token = BookingSecrets.newToken();
        registration.manageTokenHash = BookingSecrets.hash(token);
        registration.bookingCode = unusedCode();
        registration.arrival = ((Number) em.createNativeQuery("select nextval('registration_arrival')").getSingleResult()).longValue();
        registration.status = fits ? BookingStatus.CONFIRMED : BookingStatus.WAITLISTED;
        registration.persist();
        Integer position = null;
        if (fits) {
            setConfirmedSeats(registration, context.slot().confirmedSeats() + registration.seats);
        } else {
            position = waitlistPosition(registration);
        }
        notice(context.event(), context.occurrence(), registration, fits ? "confirmed" : "waitlisted", position);
        // A batch (BookingLanes) books many people in one transaction: written and let go now, a booking is not
        // dirty-checked again at every later flush of the batch (each booking's slot lock flushes).
        em.flush();
        em.detach(registration);
        return new Booked(registration, token, position, context.event(), context.occurrence());
    }

    private String unusedCode() {
        while (true) {
            String code = BookingSecrets.newCode();
            boolean taken = !em.createNativeQuery("select 1 from registration where booking_code = ?1")
                    .setParameter(1, code).getResultList().isEmpty();
            if (!taken) {
                return code;
            }
        }
    }

    public Integer waitlistPosition(Registration registration) {
        if (registration.status != BookingStatus.WAITLISTED) {
            return null;
        }
        return ((Number) em.createNativeQuery("""
                select count(*) from registration where event_id = ?1 and original_start = ?2
                   and status = 'WAITLISTED' and arrival <= ?3""")
                .setParameter(1, registration.eventId).setParameter(2, registration.originalStart)
                .setParameter(3, registration.arrival).getSingleResult()).intValue();
    }

    private void cancelLocked(Registration registration, boolean tell) {
        boolean wasConfirmed = registration.status == BookingStatus.CONFIRMED;
        registration.status = BookingStatus.CANCELLED;
        registration.cancelledAt = now();
        registration.updatedAt = now();
        Event event = Event.<Event>findById(registration.eventId);
        if (tell) {
            notice(event, registration, "cancelled", null);
        }
        if (wasConfirmed) {
            Slot slot = lockSlot(registration.eventId, registration.originalStart);
            setConfirmedSeats(registration, slot.confirmedSeats() - registration.seats);
            promote(setupOf(registration.eventId), event, registration.originalStart,
                    lockSlot(registration.eventId, registration.originalStart));
        }
    }

    /** Confirms waitlisted bookings, in arrival order, as long as seats are left (the slot is locked). */
    private void promote(RegistrationSetup setup, Event event, Instant originalStart, Slot slot) {
        if (slot.cancelled() || !originalStart.isAfter(now())) {
            return;
        }
        int left = slot.capacityWith(setup) - slot.confirmedSeats();
        if (left <= 0) {
            return;
        }
        int confirmed = slot.confirmedSeats();
        List<Registration> waiting = Registration.list("eventId = ?1 and originalStart = ?2 and status = ?3 order by arrival",
                event.id, originalStart, BookingStatus.WAITLISTED);
        for (Registration registration : waiting) {
            if (registration.seats <= left) {
                registration.status = BookingStatus.CONFIRMED;
                registration.promotedAt = now();
                registration.updatedAt = now();
                left -= registration.seats;
                confirmed += registration.seats;
                notice(event, registration, "promoted", null);
                if (left == 0) {
                    break;
                }
            }
        }
        if (confirmed != slot.confirmedSeats()) {
            em.createNativeQuery("update registration_slot set confirmed_seats = ?3 where event_id = ?1 and original_start = ?2")
                    .setParameter(1, event.id).setParameter(2, originalStart).setParameter(3, confirmed).executeUpdate();
        }
    }

    private void setConfirmedSeats(Registration registration, int confirmed) {
        em.createNativeQuery("update registration_slot set confirmed_seats = ?3 where event_id = ?1 and original_start = ?2")
                .setParameter(1, registration.eventId).setParameter(2, registration.originalStart)
                .setParameter(3, confirmed).executeUpdate();
    }

    /** Creates the occurrence's slot if needed and locks it until the transaction ends. */
    private Slot lockSlot(UUID eventId, Instant originalStart) {
        em.flush();
        em.createNativeQuery("""
                insert into registration_slot (event_id, original_start) values (?1, ?2)
                on conflict do nothing""").setParameter(1, eventId).setParameter(2, originalStart).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                select capacity, confirmed_seats, closed, cancelled from registration_slot
                 where event_id = ?1 and original_start = ?2 for update""")
                .setParameter(1, eventId).setParameter(2, originalStart).getSingleResult();
        return new Slot(row[0] == null ? null : ((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                (Boolean) row[2], (Boolean) row[3]);
    }

    private List<Instant> slotStarts(UUID eventId, String condition) {
        List<Object> rows = em.createNativeQuery("select original_start from registration_slot where event_id = ?1 and "
                + condition + " order by original_start").setParameter(1, eventId).getResultList();
        return rows.stream().map(OccurrenceStore::instant).toList();
    }

    private void requireActive(Registration registration) {
        if (registration.status == BookingStatus.CANCELLED) {
            throw new ClientErrorException("This booking is cancelled.", Status.CONFLICT);
        }
    }

    private void requireBeforeStart(Registration registration) {
        if (!registration.originalStart.isAfter(now())) {
            throw new ClientErrorException("The occurrence has started: the booking can no longer change.", Status.CONFLICT);
        }
    }

    void pseudonymize(Registration registration) {
        registration.name = null;
        registration.email = null;
        registration.structureName = null;
        registration.answers = new HashMap<>();
        registration.newsletterConsentAt = null;
        registration.pseudonymizedAt = now();
        registration.updatedAt = now();
    }

    private static void place(Registration registration, String inseeCode, String postcode) {
        if (inseeCode == null && postcode == null) {
            throw new BadRequestException("inseeCode: give the commune's INSEE code or its postcode.");
        }
        if (inseeCode != null) {
            if (!Places.isInseeCode(inseeCode)) {
                throw new BadRequestException("inseeCode: a commune's INSEE code is five characters, such as 06088.");
            }
            registration.communeCode = inseeCode;
            registration.department = Places.departmentOfInsee(inseeCode);
        }
        if (postcode != null) {
            if (!Places.isPostcode(postcode)) {
                throw new BadRequestException("postcode: a French postcode is five digits, such as 06000.");
            }
            registration.postcode = postcode;
            if (registration.department == null) {
                registration.department = Places.departmentOfPostcode(postcode);
            }
        }
    }

    private static Map<String, String> answers(RegistrationSetup setup, Map<String, String> given) {
        Map<String, String> answers = new HashMap<>();
        Map<String, String> input = given == null ? Map.of() : given;
        Set<String> known = new HashSet<>();
        for (Question question : setup.questions) {
            known.add(question.id());
            String answer = input.get(question.id());
            if (answer == null || answer.isBlank()) {
                if (question.required()) {
                    throw new BadRequestException("answers." + question.id() + ": this question needs an answer.");
                }
                continue;
            }
            answer = answer.strip();
            if (question.type() == Question.Type.CHOICE && !question.choices().contains(answer)) {
                throw new BadRequestException("answers." + question.id() + ": one of " + String.join(", ", question.choices()) + ".");
            }
            if (answer.length() > question.limit()) {
                throw new BadRequestException("answers." + question.id() + ": at most " + question.limit() + " characters.");
            }
            answers.put(question.id(), answer);
        }
        for (String id : input.keySet()) {
            if (!known.contains(id)) {
                throw new BadRequestException("answers." + id + ": no such question.");
            }
        }
        return answers;
    }

    private static void checkQuestions(List<Question> questions) {
        if (questions == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            if (!ids.add(question.id())) {
                throw new BadRequestException("questions[" + i + "].id: " + question.id() + " is used twice.");
            }
            if (question.type() == Question.Type.CHOICE && (question.choices() == null || question.choices().size() < 2)) {
                throw new BadRequestException("questions[" + i + "].choices: a CHOICE question offers at least two choices.");
            }
        }
    }

    /** The reminder the day before, to a confirmed registrant (see {@link RegistrationReminders}). */
    void remind(Event event, Occurrence occurrence, Registration registration) {
        notice(event, occurrence, registration, "reminder", null);
    }

    private void notice(Event event, Registration registration, String type, Integer position) {
        notice(event, findOccurrence(event.id, registration.originalStart).orElse(null), registration, type, position);
    }

    private void notice(Event event, Occurrence occurrence, Registration registration, String type, Integer position) {
        if (registration.email == null) {
            return; // erased: nobody to tell
        }
        outbox.publish(NOTICES_TOPIC, NOTICE_TYPE + type, registration.id.toString(), new RegistrationNotice(registration.id,
                registration.bookingCode, registration.status.name(), registration.seats, position,
                new RegistrationNotice.Occurrence(event.id, registration.originalStart,
                        occurrence == null ? registration.originalStart : occurrence.startsAt(),
                        occurrence == null ? null : occurrence.endsAt(), event.timeZone, event.titleFr, event.titleEn,
                        event.venueName, event.city),
                new RegistrationNotice.Recipient(registration.name, registration.email, registration.language)));
    }

    static NotFoundException bookingNotFound() {
        return new NotFoundException("No booking has this link.");
    }

    private static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
