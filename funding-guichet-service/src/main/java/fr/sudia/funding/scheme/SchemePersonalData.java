package fr.sudia.funding.scheme;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Schemes an advisor or admin wrote or last changed: public catalogue content, the author becomes the pseudonym. */
@ApplicationScoped
public class SchemePersonalData implements PersonalDataHandler {

    public record Written(UUID id, String name, boolean created, boolean lastChanged, OffsetDateTime updatedAt) {
    }

    @Override
    public String dataset() {
        return "schemes";
    }

    @Override
    @Transactional
    public List<Written> export(DataSubject person) {
        if (!person.hasSubject()) {
            return List.of();
        }
        String subject = person.subject();
        return Scheme.<Scheme>list("createdBy = ?1 or updatedBy = ?1 order by createdAt, id", subject).stream()
                .map(s -> new Written(s.id, s.name, subject.equals(s.createdBy), subject.equals(s.updatedBy), s.updatedAt))
                .toList();
    }

    @Override
    @Transactional
    public long erase(DataSubject person, String pseudonym) {
        // A bookkeeping field: neither the version (ETags) nor the catalogue's version moves.
        return person.hasSubject() ? Scheme.update("""
                createdBy = case when createdBy = ?1 then ?2 else createdBy end,
                updatedBy = case when updatedBy = ?1 then ?2 else updatedBy end
                where createdBy = ?1 or updatedBy = ?1""", person.subject(), pseudonym) : 0;
    }
}
