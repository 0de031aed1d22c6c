package fr.sudia.notifications.email;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Addresses not to write to: every message after a hard bounce ({@code *}), one category after an unsubscribe. */
@ApplicationScoped
public class Suppressions {

    public static final String ALL = "*";

    private final EntityManager entityManager;
    private final Clock clock;

    Suppressions(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public boolean suppressed(String email, String category) {
        return ((Number) entityManager.createNativeQuery(
                "select count(*) from suppression where email = ?1 and category in (?2, '*')")
                .setParameter(1, normalize(email)).setParameter(2, category).getSingleResult()).longValue() > 0;
    }

    public void suppress(String email, String category, String reason) {
        entityManager.createNativeQuery("""
                insert into suppression (email, category, reason, created_at) values (?1, ?2, ?3, ?4)
                on conflict (email, category) do nothing""")
                .setParameter(1, normalize(email)).setParameter(2, category).setParameter(3, reason)
                .setParameter(4, OffsetDateTime.now(clock)).executeUpdate();
    }

    public static String normalize(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
