package fr.sudia.funding.notice;

import java.time.OffsetDateTime;
import java.util.List;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The notices to a person the outbox still holds (each names its recipient's subject; sent ones are purged after 7
 * days anyway): listed, and deleted on erasure, sent or not (nobody is to be told any more).
 */
@ApplicationScoped
public class NoticePersonalData implements PersonalDataHandler {

    private final EntityManager em;

    NoticePersonalData(EntityManager em) {
        this.em = em;
    }

    public record Notice(String type, OffsetDateTime occurredAt, boolean sent) {
    }

    @Override
    public String dataset() {
        return "notices";
    }

    @Override
    @Transactional
    public List<Notice> export(DataSubject person) {
        if (!person.hasSubject()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                select type, occurred_at, sent_at is not null from outbox_event
                 where topic = ?1 and payload ->> 'recipient' = ?2 order by seq""", Object[].class)
                .setParameter(1, FundingNotices.TOPIC).setParameter(2, person.subject()).getResultList();
        return rows.stream().map(r -> new Notice((String) r[0], toOffset(r[1]), (Boolean) r[2])).toList();
    }

    @Override
    @Transactional
    public long erase(DataSubject person, String pseudonym) {
        if (!person.hasSubject()) {
            return 0;
        }
        return em.createNativeQuery("delete from outbox_event where topic = ?1 and payload ->> 'recipient' = ?2")
                .setParameter(1, FundingNotices.TOPIC).setParameter(2, person.subject()).executeUpdate();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
