package fr.sudia.label.privacy;

import java.time.OffsetDateTime;
import java.util.List;

import fr.sudia.label.charter.CharterVersion;
import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Charter versions the person (an admin) published: erasure replaces their token subject by the pseudonym. */
@ApplicationScoped
public class CharterVersionsData implements PersonalDataHandler {

    private final EntityManager entityManager;

    CharterVersionsData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String dataset() {
        return "charter-versions-published";
    }

    @Override
    public List<Published> export(DataSubject person) {
        if (!person.hasSubject()) {
            return LabelPersonalData.none();
        }
        return CharterVersion.<CharterVersion>list("publishedBy = ?1 order by version", person.subject()).stream()
                .map(v -> new Published(v.version, v.publishedAt)).toList();
    }

    @Override
    public long erase(DataSubject person, String pseudonym) {
        return LabelPersonalData.update(entityManager,
                "update charter_version set published_by = ?2 where published_by = ?1", person, pseudonym);
    }

    public record Published(int version, OffsetDateTime publishedAt) {
    }
}
