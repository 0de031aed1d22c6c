package fr.sudia.label.privacy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.label.application.Answer;
import fr.sudia.label.application.LabelApplication;
import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Label applications the person created. The answers and the committee's reasons describe the organization's
 * practice and are the organization's (they go after the retention period, {@code ApplicationRetention}); erasure
 * replaces the applicant's token subject by the pseudonym.
 */
@ApplicationScoped
public class LabelApplicationsData implements PersonalDataHandler {

    private final EntityManager entityManager;

    LabelApplicationsData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String dataset() {
        return "label-applications";
    }

    @Override
    public List<Applied> export(DataSubject person) {
        if (!person.hasSubject()) {
            return LabelPersonalData.none();
        }
        return LabelApplication.<LabelApplication>list("createdBy = ?1 order by createdAt", person.subject()).stream()
                .map(a -> new Applied(a.id, a.organizationId, a.category.name(), a.status.name(), a.answers,
                        a.decisionReasons, a.createdAt))
                .toList();
    }

    @Override
    public long erase(DataSubject person, String pseudonym) {
        return LabelPersonalData.update(entityManager,
                "update label_application set created_by = ?2 where created_by = ?1", person, pseudonym)
                + LabelPersonalData.update(entityManager,
                        "update submission_request set requested_by = ?2 where requested_by = ?1", person, pseudonym);
    }

    public record Applied(UUID applicationId, UUID organizationId, String category, String status, List<Answer> answers,
            String decisionReasons, OffsetDateTime createdAt) {
    }
}
