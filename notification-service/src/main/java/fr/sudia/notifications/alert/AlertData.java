package fr.sudia.notifications.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** A person's alert subscriptions (by their address), with their consent: exported, or deleted with their items. */
@ApplicationScoped
public class AlertData implements PersonalDataHandler {

    @Override
    public String dataset() {
        return "alerts";
    }

    @Override
    public List<?> export(DataSubject person) {
        if (!person.hasEmail()) {
            return List.of();
        }
        return AlertSubscription.<AlertSubscription>list("lower(email) = ?1 order by createdAt", person.email()).stream()
                .map(AlertData::record).toList();
    }

    private static Map<String, Object> record(AlertSubscription s) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", s.id);
        record.put("email", s.email);
        record.put("kind", s.kind);
        record.put("frequency", s.frequency);
        record.put("language", s.language);
        record.put("departments", s.departments);
        record.put("audiences", s.audiences);
        record.put("schemeIds", s.schemeIds);
        record.put("applicantTypes", s.applicantTypes);
        record.put("organizationId", s.organizationId);
        record.put("status", s.status);
        record.put("consentTextVersion", s.consentTextVersion);
        record.put("consentAt", s.consentAt);
        record.put("confirmedAt", s.confirmedAt);
        record.put("createdAt", s.createdAt);
        return record;
    }

    @Override
    public long erase(DataSubject person, String pseudonym) {
        // The alert's items go with it (on delete cascade).
        return person.hasEmail() ? AlertSubscription.delete("lower(email) = ?1", person.email()) : 0;
    }
}
