package fr.sudia.events.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The changes a person made to events (the history editors roll back from): the actor becomes the pseudonym. */
@ApplicationScoped
public class EventRevisionPersonalData implements PersonalDataHandler {

    public record Revision(UUID eventId, long version, Instant at, String action) {
    }

    @Override
    public String dataset() {
        return "event-revisions";
    }

    @Override
    @Transactional
    public List<Revision> export(DataSubject person) {
        if (!person.hasSubject()) {
            return List.of();
        }
        return EventRevision.<EventRevision>list("actor = ?1 order by at, eventId, version", person.subject()).stream()
                .map(r -> new Revision(r.eventId, r.version, r.at, r.action)).toList();
    }

    @Override
    @Transactional
    public long erase(DataSubject person, String pseudonym) {
        return person.hasSubject() ? EventRevision.update("actor = ?1 where actor = ?2", pseudonym, person.subject()) : 0;
    }
}
