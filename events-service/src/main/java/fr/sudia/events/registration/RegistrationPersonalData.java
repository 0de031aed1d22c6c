package fr.sudia.events.registration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.sudia.events.event.Event;
import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Registrations answer access and erasure requests by the registrant's email (registrations carry no token subject).
 * Erasure is the registrant's own "erase my data" ({@link RegistrationDesk#erase(Registration)}): a booking still to
 * come is cancelled, its seats going to the waitlist; name, email, structure and answers go, the counts stay.
 */
@ApplicationScoped
public class RegistrationPersonalData implements PersonalDataHandler {

    private final RegistrationDesk desk;
    private final EntityManager em;

    RegistrationPersonalData(RegistrationDesk desk, EntityManager em) {
        this.desk = desk;
        this.em = em;
    }

    /** One registration as the access export shows it (no management secret). */
    public record RegistrationRecord(UUID id, UUID eventId, String eventTitle, Instant originalStart, String bookingCode,
            BookingKind kind, BookingStatus status, int seats, String name, String email, AudienceCategory audience,
            String communeCode, String postcode, String department, String structureName, String uai, GroupLevel level,
            Integer girls, Map<String, String> answers, String language, String consentVersion, Instant consentAt,
            Instant newsletterConsentAt, Integer present, Instant checkedInAt, Instant createdAt, Instant cancelledAt) {
    }

    @Override
    public String dataset() {
        return "registrations";
    }

    @Override
    @Transactional
    public List<RegistrationRecord> export(DataSubject person) {
        return held(person).stream().map(r -> {
            Event event = Event.findById(r.eventId);
            return new RegistrationRecord(r.id, r.eventId, event == null ? null : event.titleFr, r.originalStart,
                    r.bookingCode, r.kind, r.status, r.seats, r.name, r.email, r.audience, r.communeCode, r.postcode,
                    r.department, r.structureName, r.uai, r.level, r.girls, r.answers, r.language, r.consentVersion,
                    r.consentAt, r.newsletterConsentAt, r.present, r.checkedInAt, r.createdAt, r.cancelledAt);
        }).toList();
    }

    @Override
    @Transactional
    public long erase(DataSubject person, String pseudonym) {
        List<Registration> registrations = held(person);
        for (Registration registration : registrations) {
            desk.erase(registration);
            // The notices name the registrant: the outbox's copies of those sent go, and those not sent yet are dropped.
            em.createNativeQuery("delete from outbox_event where topic = ?1 and aggregate_id = ?2")
                    .setParameter(1, RegistrationDesk.NOTICES_TOPIC).setParameter(2, registration.id.toString())
                    .executeUpdate();
        }
        return registrations.size();
    }

    private static List<Registration> held(DataSubject person) {
        if (!person.hasEmail()) {
            return List.of();
        }
        return Registration.list("lower(email) = ?1 order by createdAt, id", person.email());
    }
}
