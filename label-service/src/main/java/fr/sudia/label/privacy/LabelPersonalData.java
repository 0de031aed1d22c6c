package fr.sudia.label.privacy;

import java.util.List;

import fr.sudia.platform.privacy.DataSubject;
import jakarta.persistence.EntityManager;

/**
 * What label-service holds about a person is known by their token subject only (no email is stored): each data
 * set below finds the rows the subject wrote and, on erasure, replaces the subject by the pseudonym in place, so
 * that the evidence (signatures, decisions, the audit trail) stays, naming nobody. A replay finds nothing left.
 */
final class LabelPersonalData {

    private LabelPersonalData() {
    }

    static long update(EntityManager entityManager, String sql, DataSubject person, String pseudonym) {
        if (!person.hasSubject()) {
            return 0;
        }
        return entityManager.createNativeQuery(sql).setParameter(1, person.subject()).setParameter(2, pseudonym)
                .executeUpdate();
    }

    static <T> List<T> none() {
        return List.of();
    }
}
