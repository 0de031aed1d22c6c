package fr.sudia.events.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The events a person submitted, found by token subject. Erasure keeps the events (public content, their
 * organizer's) and puts the pseudonym in place of the submitter. Speakers published in a programme are out of reach
 * of requests: they are names the organizer wrote, with no email or subject to match them to a person (a name alone
 * would erase homonyms); the organizer removes a speaker by editing the event.
 */
@ApplicationScoped
public class EventPersonalData implements PersonalDataHandler {

    public record SubmittedEvent(UUID id, String titleFr, Instant startsAt, EventStatus status, Moderation moderation,
            Instant createdAt) {
    }

    @Override
    public String dataset() {
        return "submitted-events";
    }

    @Override
    @Transactional
    public List<SubmittedEvent> export(DataSubject person) {
        if (!person.hasSubject()) {
            return List.of();
        }
        return Event.<Event>list("submittedBy = ?1 order by createdAt, id", person.subject()).stream()
                .map(e -> new SubmittedEvent(e.id, e.titleFr, e.startsAt, e.status, e.moderation, e.createdAt)).toList();
    }

    @Override
    @Transactional
    public long erase(DataSubject person, String pseudonym) {
        return person.hasSubject() ? Event.update("submittedBy = ?1 where submittedBy = ?2", pseudonym, person.subject()) : 0;
    }
}
