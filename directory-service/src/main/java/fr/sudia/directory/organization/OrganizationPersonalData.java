package fr.sudia.directory.organization;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The profiles a person created or last changed, found by token subject. The profiles are the organizations' public
 * content and stay; erasure puts the pseudonym in place of the subject.
 */
@ApplicationScoped
public class OrganizationPersonalData implements PersonalDataHandler {

    private final EntityManager em;

    OrganizationPersonalData(EntityManager em) {
        this.em = em;
    }

    public record Authored(UUID organizationId, String name, boolean created, boolean lastChanged, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Override
    public String dataset() {
        return "organizations";
    }

    @Override
    @Transactional
    public List<Authored> export(DataSubject person) {
        if (!person.hasSubject()) {
            return List.of();
        }
        return Organization.<Organization>list("createdBy = ?1 or updatedBy = ?1 order by createdAt, id", person.subject())
                .stream().map(o -> new Authored(o.id, o.name, person.subject().equals(o.createdBy),
                        person.subject().equals(o.updatedBy), o.createdAt, o.updatedAt)).toList();
    }

    @Override
    @Transactional
    public long erase(DataSubject person, String pseudonym) {
        if (!person.hasSubject()) {
            return 0;
        }
        // In SQL: the profile's version, dates and search document do not change for a bookkeeping field.
        return em.createNativeQuery("""
                update organization set created_by = case when created_by = ?1 then ?2 else created_by end,
                                        updated_by = case when updated_by = ?1 then ?2 else updated_by end
                 where created_by = ?1 or updated_by = ?1""")
                .setParameter(1, person.subject()).setParameter(2, pseudonym).executeUpdate();
    }
}
