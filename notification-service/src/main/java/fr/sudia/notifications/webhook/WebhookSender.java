package fr.sudia.notifications.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.sudia.notifications.email.Emails;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Delivers the pending webhook messages. A short transaction claims the due rows of active subscriptions (a lease:
 * their next attempt moved a little later, {@code for update skip locked} so replicas share the work), the POSTs go
 * out in parallel outside any transaction with strict timeouts and no redirects followed, then each outcome is
 * recorded: the attempt in the log, a 2xx delivers, anything else waits for the next attempt of the
 * {@link RetrySchedule}; after the last one the delivery has failed, and a subscription whose deliveries keep failing
 * is disabled and its owner told by email.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    record Claimed(UUID id, UUID subscriptionId, String url, String secret, String previousSecret,
            OffsetDateTime previousSecretUntil, String payload) {
    }

    record Outcome(Integer status, String error, long durationMs) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final EntityManager entityManager;
    private final AddressGuard guard;
    private final RetrySchedule schedule;
    private final Emails emails;
    private final Clock clock;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final int batchSize;
    private final int disableAfter;
    private final Duration lease;

    WebhookSender(EntityManager entityManager, AddressGuard guard, RetrySchedule schedule, Emails emails, Clock clock,
            @ConfigProperty(name = "sudia.notifications.webhooks.connect-timeout", defaultValue = "3s") Duration connectTimeout,
            @ConfigProperty(name = "sudia.notifications.webhooks.request-timeout", defaultValue = "10s") Duration requestTimeout,
            @ConfigProperty(name = "sudia.notifications.webhooks.batch-size", defaultValue = "100") int batchSize,
            @ConfigProperty(name = "sudia.notifications.webhooks.disable-after-failed-deliveries", defaultValue = "1") int disableAfter) {
        this.entityManager = entityManager;
        this.guard = guard;
        this.schedule = schedule;
        this.emails = emails;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        this.batchSize = batchSize;
        this.disableAfter = disableAfter;
        this.lease = requestTimeout.plusSeconds(30);
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Scheduled(every = "${sudia.notifications.webhooks.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        List<Claimed> claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(this::claimDue);
            deliver(claimed);
        } while (claimed.size() == batchSize);
    }

    @SuppressWarnings("unchecked")
    List<Claimed> claimDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> rows = entityManager.createNativeQuery("""
                select d.id, d.subscription_id, s.url, s.secret, s.previous_secret, s.previous_secret_until, d.payload
                from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= ?1 and s.status = 'ACTIVE'
                order by d.next_attempt_at limit ?2 for update of d skip locked""")
                .setParameter(1, now).setParameter(2, batchSize).getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] row : rows) {
            claimed.add(new Claimed((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4],
                    toOffset(row[5]), (String) row[6]));
        }
        if (!claimed.isEmpty()) {
            entityManager.createNativeQuery("update webhook_delivery set next_attempt_at = ?1 where id in (?2)")
                    .setParameter(1, now.plus(lease)).setParameter(2, claimed.stream().map(Claimed::id).toList())
                    .executeUpdate();
        }
        return claimed;
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time " + value.getClass());
    }

    private void deliver(List<Claimed> claimed) {
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        for (Claimed c : claimed) {
            inFlight.add(attempt(c).thenAccept(outcome -> record(c, outcome)).exceptionally(e -> {
                LOG.errorf(e, "Webhook delivery %s: outcome not recorded (retried after its lease)", c.id());
                return null;
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    }

    CompletableFuture<Outcome> attempt(Claimed c) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(c.url());
            guard.check(uri);
        } catch (AddressGuard.RefusedDestination | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "refused: " + e.getMessage(), 0));
        }
        long timestamp = clock.instant().getEpochSecond();
        String id = c.id().toString();
        String signature = WebhookSignatures.sign(c.secret(), id, timestamp, c.payload());
        if (c.previousSecret() != null && c.previousSecretUntil() != null
                && c.previousSecretUntil().isAfter(OffsetDateTime.now(clock))) {
            signature += " " + WebhookSignatures.sign(c.previousSecret(), id, timestamp, c.payload());
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("content-type", "application/json").header("user-agent", "SudIA-Webhooks/1.0")
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(c.payload())).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        return new Outcome(null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), ms);
                    }
                    return new Outcome(response.statusCode(),
                            response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(), ms);
                });
    }

    void record(Claimed c, Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            WebhookDelivery delivery = entityManager.find(WebhookDelivery.class, c.id(),
                    jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (delivery == null || !WebhookDelivery.PENDING.equals(delivery.status)) {
                return;
            }
            entityManager.createNativeQuery("""
                    insert into webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms)
                    values (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, c.id()).setParameter(2, now).setParameter(3, outcome.status())
                    .setParameter(4, outcome.error()).setParameter(5, outcome.durationMs()).executeUpdate();
            delivery.attempts++;
            delivery.lastStatus = outcome.status();
            delivery.lastError = outcome.error();
            WebhookSubscription subscription = entityManager.find(WebhookSubscription.class, c.subscriptionId(),
                    jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (outcome.delivered()) {
                delivery.status = WebhookDelivery.DELIVERED;
                delivery.deliveredAt = now;
                delivery.nextAttemptAt = null;
                subscription.failedDeliveries = 0;
                return;
            }
            if (delivery.attempts < schedule.attempts()) {
                delivery.nextAttemptAt = now.plus(schedule.before(delivery.attempts + 1));
                return;
            }
            delivery.status = WebhookDelivery.FAILED;
            delivery.nextAttemptAt = null;
            subscription.failedDeliveries++;
            if (subscription.failedDeliveries >= disableAfter && WebhookSubscription.ACTIVE.equals(subscription.status)) {
                disable(subscription, now, "every attempt of " + subscription.failedDeliveries
                        + " message(s) failed over " + schedule.total().toHours() + " h", outcome.error());
            }
        });
    }

    private void disable(WebhookSubscription subscription, OffsetDateTime now, String reason, String lastError) {
        subscription.status = WebhookSubscription.DISABLED;
        subscription.disabledAt = now;
        subscription.disabledReason = reason;
        LOG.warnf("Webhook subscription %s disabled: %s", subscription.id, reason);
        emails.queue(new Emails.Message("webhook-disabled/" + subscription.id + "/" + now.toInstant(), "webhooks.owner",
                "webhook-disabled", subscription.ownerEmail, "fr",
                "Abonnement webhook désactivé / Webhook subscription disabled",
                Map.of("subscriptionId", subscription.id.toString(), "url", subscription.url, "reason", reason,
                        "lastError", lastError == null ? "" : lastError),
                null));
    }
}
