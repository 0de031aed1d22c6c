package fr.sudia.notifications.contact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

/** The contact book's entry of a person (by subject, or by a confirmed or pending address): exported, or deleted. */
@ApplicationScoped
public class ContactData implements PersonalDataHandler {

    @Override
    public String dataset() {
        return "contacts";
    }

    @Override
    public List<?> export(DataSubject person) {
        return Contact.<Contact>list(match(person) + " order by createdAt", parameters(person)).stream().map(c -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("subject", c.subject);
            record.put("email", c.email);
            record.put("language", c.language);
            record.put("pendingEmail", c.pendingEmail);
            record.put("createdAt", c.createdAt);
            record.put("updatedAt", c.updatedAt);
            return (Object) record;
        }).toList();
    }

    @Override
    public long erase(DataSubject person, String pseudonym) {
        return Contact.delete(match(person), parameters(person));
    }

    private static String match(DataSubject person) {
        List<String> conditions = new ArrayList<>();
        if (person.hasSubject()) {
            conditions.add("subject = :subject");
        }
        if (person.hasEmail()) {
            conditions.add("lower(email) = :email or lower(pendingEmail) = :email");
        }
        return String.join(" or ", conditions);
    }

    private static Parameters parameters(DataSubject person) {
        Parameters parameters = new Parameters();
        if (person.hasSubject()) {
            parameters.and("subject", person.subject());
        }
        if (person.hasEmail()) {
            parameters.and("email", person.email());
        }
        return parameters;
    }
}
