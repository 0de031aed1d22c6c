package fr.sudia.notifications.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The webhook subscriptions whose contact address is the person's. The subscription is the partner organization's
 * and stays; an erasure replaces the address by an undeliverable one made of the pseudonym.
 */
@ApplicationScoped
public class WebhookOwnerData implements PersonalDataHandler {

    static final String ERASED_DOMAIN = "@erased.invalid";

    @Override
    public String dataset() {
        return "webhookContacts";
    }

    @Override
    public List<?> export(DataSubject person) {
        if (!person.hasEmail()) {
            return List.of();
        }
        return WebhookSubscription.<WebhookSubscription>list("lower(ownerEmail) = ?1 order by createdAt", person.email())
                .stream().map(s -> {
                    Map<String, Object> record = new LinkedHashMap<>();
                    record.put("subscriptionId", s.id);
                    record.put("organizationId", s.organizationId);
                    record.put("ownerEmail", s.ownerEmail);
                    record.put("url", s.url);
                    record.put("createdAt", s.createdAt);
                    return (Object) record;
                }).toList();
    }

    @Override
    public long erase(DataSubject person, String pseudonym) {
        return person.hasEmail() ? WebhookSubscription.update("ownerEmail = ?1 where lower(ownerEmail) = ?2",
                pseudonym + ERASED_DOMAIN, person.email()) : 0;
    }
}
