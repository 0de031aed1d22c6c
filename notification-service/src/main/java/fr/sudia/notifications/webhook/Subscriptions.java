package fr.sudia.notifications.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

/** Subscriptions of partners (their organization's) and admins (any). */
@ApplicationScoped
public class Subscriptions {

    private final EntityManager entityManager;
    private final AddressGuard guard;
    private final CurrentActor actor;
    private final Clock clock;
    private final Duration rotationOverlap;

    Subscriptions(EntityManager entityManager, AddressGuard guard, CurrentActor actor, Clock clock,
            @ConfigProperty(name = "sudia.notifications.webhooks.rotation-overlap", defaultValue = "24h") Duration rotationOverlap) {
        this.entityManager = entityManager;
        this.guard = guard;
        this.actor = actor;
        this.clock = clock;
        this.rotationOverlap = rotationOverlap;
    }

    public WebhookSubscription create(SubscriptionForm form) {
        String organization;
        if (actor.hasRole(Roles.ADMIN)) {
            organization = form.organizationId() != null ? form.organizationId()
                    : actor.organizationId().orElseThrow(() -> new BadRequestException("organizationId is required."));
        } else {
            organization = actor.organizationId()
                    .orElseThrow(() -> new jakarta.ws.rs.ForbiddenException("This token represents no organization."));
            if (form.organizationId() != null && !form.organizationId().equals(organization)) {
                throw new jakarta.ws.rs.ForbiddenException("This token does not represent organization " + form.organizationId() + ".");
            }
        }
        checkUrl(form.url());
        List<String> unknown = new ArrayList<>(form.eventTypes());
        unknown.removeAll(EventTypes.ALL);
        if (!unknown.isEmpty()) {
            throw new BadRequestException("Unknown event type(s) " + unknown + "; see GET /api/notifications/v1/webhooks/event-types.");
        }
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.organizationId = organization;
        s.ownerEmail = form.ownerEmail().trim();
        s.url = form.url().trim();
        s.eventTypes = List.copyOf(new LinkedHashSet<>(form.eventTypes()));
        s.description = form.description();
        s.secret = WebhookSignatures.newSecret();
        s.status = WebhookSubscription.ACTIVE;
        s.createdAt = OffsetDateTime.now(clock);
        entityManager.persist(s);
        return s;
    }

    void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (Exception e) {
            throw new BadRequestException("url is not a URL.");
        }
        try {
            guard.check(uri);
        } catch (AddressGuard.RefusedDestination e) {
            throw new BadRequestException("url refused: " + e.getMessage() + ".");
        }
    }

    public WebhookSubscription find(UUID id) {
        WebhookSubscription s = entityManager.find(WebhookSubscription.class, id);
        if (s == null) {
            throw new NotFoundException("No webhook subscription " + id + ".");
        }
        actor.requireOwnOrNotFound(s.organizationId, () -> new NotFoundException("No webhook subscription " + id + "."));
        return s;
    }

    public List<WebhookSubscription> list(String organizationId) {
        String organization = organizationId;
        if (!actor.hasRole(Roles.ADMIN)) {
            organization = actor.organizationId().orElseThrow(
                    () -> new jakarta.ws.rs.ForbiddenException("This token represents no organization."));
        }
        if (organization == null) {
            return WebhookSubscription.<WebhookSubscription>find("order by createdAt, id").page(0, 200).list();
        }
        return WebhookSubscription.<WebhookSubscription>find("organizationId = ?1 order by createdAt, id", organization)
                .page(0, 200).list();
    }

    public void delete(UUID id) {
        entityManager.remove(find(id));
    }

    /** A new secret; the previous one keeps signing too (a second signature) for the overlap. */
    public WebhookSubscription rotate(UUID id) {
        WebhookSubscription s = find(id);
        s.previousSecret = s.secret;
        s.previousSecretUntil = OffsetDateTime.now(clock).plus(rotationOverlap);
        s.secret = WebhookSignatures.newSecret();
        return s;
    }

    public WebhookSubscription enable(UUID id) {
        WebhookSubscription s = find(id);
        checkUrl(s.url);
        s.status = WebhookSubscription.ACTIVE;
        s.failedDeliveries = 0;
        s.disabledAt = null;
        s.disabledReason = null;
        return s;
    }

    @SuppressWarnings("unchecked")
    public List<DeliveryView> deliveries(UUID id) {
        find(id);
        List<WebhookDelivery> deliveries = WebhookDelivery.<WebhookDelivery>find(
                "subscriptionId = ?1 order by createdAt desc, id", id).page(0, 100).list();
        List<DeliveryView> views = new ArrayList<>();
        for (WebhookDelivery d : deliveries) {
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select attempted_at, status_code, error, duration_ms from webhook_attempt where delivery_id = ?1 order by id""")
                    .setParameter(1, d.id).getResultList();
            List<DeliveryView.Attempt> attempts = rows.stream().map(r -> new DeliveryView.Attempt(
                    time(r[0]), r[1] == null ? null : ((Number) r[1]).intValue(), (String) r[2],
                    ((Number) r[3]).longValue())).toList();
            views.add(new DeliveryView(d.id, d.eventType, d.status, d.attempts, d.nextAttemptAt, d.lastStatus, d.lastError,
                    d.createdAt, d.deliveredAt, attempts));
        }
        return views;
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /** Sends a delivery again (same webhook-id), with a fresh retry schedule; its earlier attempts stay in the log. */
    public WebhookDelivery redeliver(UUID id, UUID deliveryId) {
        WebhookSubscription s = find(id);
        if (!WebhookSubscription.ACTIVE.equals(s.status)) {
            throw new ClientErrorException("The subscription is disabled: enable it first.", 409);
        }
        WebhookDelivery d = entityManager.find(WebhookDelivery.class, deliveryId);
        if (d == null || !d.subscriptionId.equals(id)) {
            throw new NotFoundException("No delivery " + deliveryId + " for this subscription.");
        }
        d.status = WebhookDelivery.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = OffsetDateTime.now(clock);
        return d;
    }
}
