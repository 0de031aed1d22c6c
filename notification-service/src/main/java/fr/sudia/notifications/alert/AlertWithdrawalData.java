package fr.sudia.notifications.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The records of a person's withdrawn alert consents, found by the hash of their address: exported, or deleted on
 * erasure (the proof of consent is not kept against the person's wish to be forgotten).
 */
@ApplicationScoped
public class AlertWithdrawalData implements PersonalDataHandler {

    private final EntityManager entityManager;

    AlertWithdrawalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String dataset() {
        return "alertConsentWithdrawals";
    }

    @Override
    public List<Withdrawal> export(DataSubject person) {
        if (!person.hasEmail()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                select subscription_id, kind, consent_text_version, consent_at, withdrawn_at, channel
                  from alert_consent_withdrawal where email_sha256 = ?1 order by withdrawn_at""", Object[].class)
                .setParameter(1, Alerts.hash(person.email())).getResultList();
        return rows.stream().map(r -> new Withdrawal((UUID) r[0], (String) r[1], (String) r[2], time(r[3]), time(r[4]),
                (String) r[5])).toList();
    }

    @Override
    public long erase(DataSubject person, String pseudonym) {
        if (!person.hasEmail()) {
            return 0;
        }
        return entityManager.createNativeQuery("delete from alert_consent_withdrawal where email_sha256 = ?1")
                .setParameter(1, Alerts.hash(person.email())).executeUpdate();
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    public record Withdrawal(UUID subscriptionId, String kind, String consentTextVersion, OffsetDateTime consentAt,
            OffsetDateTime withdrawnAt, String channel) {
    }
}
