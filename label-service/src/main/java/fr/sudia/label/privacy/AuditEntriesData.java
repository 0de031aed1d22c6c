package fr.sudia.label.privacy;

import java.time.OffsetDateTime;
import java.util.List;

import fr.sudia.label.audit.AuditEntry;
import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The audit entries of what the person did. Erasure replaces the actor by the pseudonym, and clears the reason of
 * their signatures' entries (before issue 21 it held the signer's name and role); the chain covers digests of both,
 * so it still verifies ({@code AuditChain}).
 */
@ApplicationScoped
public class AuditEntriesData implements PersonalDataHandler {

    private final EntityManager entityManager;

    AuditEntriesData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String dataset() {
        return "label-audit-trail";
    }

    @Override
    public List<Audited> export(DataSubject person) {
        if (!person.hasSubject()) {
            return LabelPersonalData.none();
        }
        return AuditEntry.<AuditEntry>list("actor = ?1 order by id", person.subject()).stream()
                .map(e -> new Audited(e.id, e.at, e.subjectType.name(), e.subjectId, e.action, e.fromStatus,
                        e.toStatus, e.reason))
                .toList();
    }

    @Override
    public long erase(DataSubject person, String pseudonym) {
        return LabelPersonalData.update(entityManager, """
                update audit_entry set actor = ?2,
                       reason = case when subject_type = 'SIGNATURE' then null else reason end
                 where actor = ?1""", person, pseudonym);
    }

    public record Audited(long id, OffsetDateTime at, String subjectType, String subjectId, String action,
            String fromStatus, String toStatus, String reason) {
    }
}
