package fr.sudia.notifications.email;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The emails written to a person's address (the delivery log) and the address's suppressions. An erasure deletes
 * the log; the suppressions stay (an unsubscribe or a hard bounce must go on stopping emails to the address).
 */
@ApplicationScoped
public class EmailLogData implements PersonalDataHandler {

    private final EntityManager entityManager;

    EmailLogData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String dataset() {
        return "emails";
    }

    @Override
    public List<?> export(DataSubject person) {
        if (!person.hasEmail()) {
            return List.of();
        }
        List<Object> records = new java.util.ArrayList<>();
        EmailDelivery.<EmailDelivery>list("lower(recipient) = ?1 order by createdAt", person.email()).forEach(e -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", e.id);
            record.put("recipient", e.recipient);
            record.put("category", e.category);
            record.put("kind", e.kind);
            record.put("language", e.language);
            record.put("subject", e.subject);
            record.put("status", e.status);
            record.put("createdAt", e.createdAt);
            record.put("sentAt", e.sentAt);
            records.add(record);
        });
        @SuppressWarnings("unchecked")
        List<Object[]> suppressions = entityManager.createNativeQuery(
                "select email, category, reason, created_at from suppression where lower(email) = ?1 order by created_at")
                .setParameter(1, person.email()).getResultList();
        for (Object[] row : suppressions) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("suppressedAddress", row[0]);
            record.put("category", row[1]);
            record.put("reason", row[2]);
            record.put("since", String.valueOf(row[3]));
            records.add(record);
        }
        return records;
    }

    @Override
    public long erase(DataSubject person, String pseudonym) {
        return person.hasEmail() ? EmailDelivery.delete("lower(recipient) = ?1", person.email()) : 0;
    }
}
