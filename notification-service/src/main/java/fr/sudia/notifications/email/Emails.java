package fr.sudia.notifications.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Queues emails: renders the kind's Qute templates (text and HTML, French or English) when the cause is consumed and
 * writes one {@link EmailDelivery} row in the caller's transaction; {@link EmailSender} sends it. A second cause with
 * the same deduplication key queues nothing.
 */
@ApplicationScoped
public class Emails {

    public static final List<String> LANGUAGES = List.of("fr", "en");

    /** What to send: {@code kind} names the templates {@code email/<kind>.<lang>.txt|html}. */
    public record Message(String dedupKey, String category, String kind, String recipient, String language, String subject,
            Map<String, Object> data, Invitation invitation) {
    }

    /** An iCalendar part (RFC 5545/6047): its METHOD and its text. */
    public record Invitation(String method, String ics) {
    }

    private final EntityManager entityManager;
    private final Engine engine;
    private final UnsubscribeTokens tokens;
    private final Clock clock;
    private final String publicBaseUrl;

    Emails(EntityManager entityManager, Engine engine, UnsubscribeTokens tokens, Clock clock,
            @ConfigProperty(name = "sudia.notifications.public-base-url") String publicBaseUrl) {
        this.entityManager = entityManager;
        this.engine = engine;
        this.tokens = tokens;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** Queues the message; false when one with the same deduplication key was queued before. */
    public boolean queue(Message message) {
        String language = LANGUAGES.contains(message.language()) ? message.language() : "fr";
        String unsubscribeUrl = publicBaseUrl + "/api/notifications/v1/unsubscribe?token="
                + URLEncoder.encode(tokens.issue(message.recipient(), message.category()), StandardCharsets.UTF_8);
        Map<String, Object> data = new HashMap<>(message.data());
        data.put("unsubscribeUrl", unsubscribeUrl);
        String text = template(message.kind(), language, "txt").data(data).render();
        String html = template(message.kind(), language, "html").data(data).render();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int inserted = entityManager.createNativeQuery("""
                insert into email_delivery (id, dedup_key, category, kind, recipient, language, subject, text_body, html_body,
                  ics_method, ics_body, unsubscribe_url, status, attempts, next_attempt_at, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'PENDING', 0, ?13, ?13)
                on conflict (dedup_key) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, message.dedupKey()).setParameter(3, message.category())
                .setParameter(4, message.kind()).setParameter(5, Suppressions.normalize(message.recipient()))
                .setParameter(6, language).setParameter(7, message.subject()).setParameter(8, text).setParameter(9, html)
                .setParameter(10, message.invitation() == null ? null : message.invitation().method())
                .setParameter(11, message.invitation() == null ? null : message.invitation().ics())
                .setParameter(12, unsubscribeUrl).setParameter(13, now)
                .executeUpdate();
        return inserted == 1;
    }

    private Template template(String kind, String language, String format) {
        Template template = engine.getTemplate("email/" + kind + "." + language + "." + format);
        if (template == null) {
            throw new IllegalStateException("no template email/" + kind + "." + language + "." + format);
        }
        return template;
    }
}
