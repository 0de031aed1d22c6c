package fr.sudia.directory.organization;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The changes a person made to profiles: the history stays (editors' audit), its actor becomes the pseudonym. */
@ApplicationScoped
public class OrganizationHistoryPersonalData implements PersonalDataHandler {

    public record Change(long id, UUID organizationId, OffsetDateTime at, String action) {
    }

    @Override
    public String dataset() {
        return "organization-history";
    }

    @Override
    @Transactional
    public List<Change> export(DataSubject person) {
        if (!person.hasSubject()) {
            return List.of();
        }
        return OrganizationHistory.<OrganizationHistory>list("actor = ?1 order by id", person.subject()).stream()
                .map(h -> new Change(h.id, h.organizationId, h.at, h.action)).toList();
    }

    @Override
    @Transactional
    public long erase(DataSubject person, String pseudonym) {
        return person.hasSubject() ? OrganizationHistory.update("actor = ?1 where actor = ?2", pseudonym, person.subject()) : 0;
    }
}
