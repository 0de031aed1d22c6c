package fr.sudia.notifications.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Turns a consumed public event into one pending delivery per active subscription to its type, in the consumer's
 * transaction (one INSERT ... SELECT, whatever the number of subscriptions). The payload is Standard Webhooks'
 * {@code {"type", "timestamp", "data"}} with the event's data as its producer published it.
 */
@ApplicationScoped
public class WebhookFanOut {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    WebhookFanOut(EntityManager entityManager, ObjectMapper objectMapper, Clock clock) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public void handle(CloudEvent event) {
        if (!EventTypes.ALL.contains(event.type())) {
            return;
        }
        JsonNode data;
        try {
            data = event.data() == null ? null : objectMapper.readTree(event.data());
        } catch (Exception e) {
            throw new PoisonEventException("event " + event.id() + " has unreadable data: " + e.getMessage(), e);
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("event " + event.id() + " of type " + event.type() + " has no JSON object as data");
        }
        ObjectNode payload = objectMapper.createObjectNode();
        payload.put("type", event.type());
        payload.put("timestamp", (event.time() == null ? OffsetDateTime.now(clock) : event.time()).toString());
        payload.set("data", data);
        String body;
        try {
            body = objectMapper.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        entityManager.createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, dedup_key, event_type, payload, status, attempts,
                  next_attempt_at, created_at)
                select gen_random_uuid(), s.id, ?1, ?2, ?3, 'PENDING', 0, ?4, ?4 from webhook_subscription s
                where s.status = 'ACTIVE' and ?2 = any(s.event_types)
                on conflict (subscription_id, dedup_key) do nothing""")
                .setParameter(1, event.source() + "/" + event.id()).setParameter(2, event.type()).setParameter(3, body)
                .setParameter(4, OffsetDateTime.now(clock)).executeUpdate();
    }
}
