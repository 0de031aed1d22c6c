package fr.sudia.notifications.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.PoisonEventException;
import fr.sudia.platform.outbox.Outbox;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.privacy.PrivacyAnswered;
import fr.sudia.platform.privacy.PrivacyRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

/**
 * The privacy desk: records a request, publishes it to every service, records each service's answer, completes
 * the request once every service of {@code sudia.privacy.services} has answered DONE (assembling the access export),
 * and publishes again what is not complete.
 */
@ApplicationScoped
public class PrivacyDesk {

    /** The advisory lock of the retry job ("privacyR" in ASCII). */
    static final long RETRY_LOCK = 0x7072697661637952L;

    private static final Logger LOG = Logger.getLogger(PrivacyDesk.class);

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final List<String> services;
    private final Duration exportRetention;

    PrivacyDesk(Outbox outbox, EntityManager entityManager, ObjectMapper objectMapper, Clock clock,
            @ConfigProperty(name = "sudia.privacy.services") List<String> services,
            @ConfigProperty(name = "sudia.privacy.export-retention") Duration exportRetention) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.services = List.copyOf(services);
        this.exportRetention = exportRetention;
    }

    /** The services every request waits for. */
    public List<String> services() {
        return services;
    }

    @Transactional
    public PrivacyRequest open(String kind, String email, String subject, String requestedBy, boolean selfService,
            String verificationNote) {
        PrivacyRequest request = new PrivacyRequest();
        request.id = UUID.randomUUID();
        request.kind = kind;
        request.email = email;
        request.subject = subject;
        request.requestedBy = requestedBy;
        request.selfService = selfService;
        request.verificationNote = verificationNote;
        request.status = PrivacyRequest.RECEIVED;
        request.createdAt = OffsetDateTime.now(clock);
        request.lastPublishedAt = request.createdAt;
        request.publications = 1;
        // Persisted complete before the outbox row: Hibernate inserts an entity with the state it had at persist().
        request.persist();
        send(request);
        LOG.infof("Privacy request %s (%s) opened, sent to %d services", request.id, kind, services.size());
        return request;
    }

    private void publishAgain(PrivacyRequest request) {
        request.lastPublishedAt = OffsetDateTime.now(clock);
        request.publications++;
        send(request);
    }

    private void send(PrivacyRequest request) {
        outbox.publish(PrivacyTopics.REQUESTS_TOPIC, PrivacyRequested.TYPE, request.id.toString(), new PrivacyRequested(
                request.id, PrivacyRequested.Kind.valueOf(request.kind), request.email, request.subject,
                request.createdAt.toInstant()));
    }

    /** Records a service's answer; runs in the inbox's transaction. */
    public void record(CloudEvent event) {
        PrivacyAnswered answer;
        try {
            answer = objectMapper.readValue(event.data(), PrivacyAnswered.class);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("a privacy answer that breaks its contract: " + e.getOriginalMessage(), e);
        }
        if (answer.requestId() == null || answer.service() == null || answer.outcome() == null) {
            throw new PoisonEventException("a privacy answer without its request, service or outcome");
        }
        PrivacyRequest request = entityManager.find(PrivacyRequest.class, answer.requestId(), LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            LOG.warnf("Answer of %s to an unknown privacy request %s, ignored", answer.service(), answer.requestId());
            return;
        }
        if (PrivacyRequest.COMPLETED.equals(request.status)) {
            return;
        }
        PrivacyConfirmation.Key key = new PrivacyConfirmation.Key();
        key.requestId = request.id;
        key.service = answer.service();
        PrivacyConfirmation confirmation = entityManager.find(PrivacyConfirmation.class, key);
        if (confirmation == null) {
            confirmation = new PrivacyConfirmation();
            confirmation.requestId = request.id;
            confirmation.service = answer.service();
        } else if ("DONE".equals(confirmation.outcome) && answer.outcome() == PrivacyAnswered.Outcome.FAILED) {
            return; // a late failure of an earlier delivery does not undo a confirmation
        }
        confirmation.outcome = answer.outcome().name();
        confirmation.records = answer.records();
        confirmation.export = answer.export() == null ? null : json(answer.export());
        confirmation.answeredAt = answer.answeredAt() == null ? OffsetDateTime.now(clock)
                : answer.answeredAt().atOffset(java.time.ZoneOffset.UTC);
        confirmation.persist();
        entityManager.flush();
        request.status = PrivacyRequest.IN_PROGRESS;
        completeIfConfirmed(request);
    }

    private void completeIfConfirmed(PrivacyRequest request) {
        Map<String, PrivacyConfirmation> confirmations = confirmations(request.id);
        boolean all = services.stream().allMatch(s -> confirmations.containsKey(s) && "DONE".equals(confirmations.get(s).outcome));
        if (!all) {
            return;
        }
        request.status = PrivacyRequest.COMPLETED;
        request.completedAt = OffsetDateTime.now(clock);
        if ("ACCESS".equals(request.kind)) {
            ObjectNode export = objectMapper.createObjectNode();
            for (String service : services) {
                export.set(service, readTree(confirmations.get(service).export));
            }
            request.export = export.toString();
        }
        confirmations.values().forEach(c -> c.export = null);
        LOG.infof("Privacy request %s (%s) completed by every service", request.id, request.kind);
    }

    /** The services' answers, by service. */
    public Map<String, PrivacyConfirmation> confirmations(UUID requestId) {
        Map<String, PrivacyConfirmation> byService = new LinkedHashMap<>();
        PrivacyConfirmation.<PrivacyConfirmation>list("requestId = ?1 order by service", requestId)
                .forEach(c -> byService.put(c.service, c));
        return byService;
    }

    /** The view of a request, with each service's answer. */
    public PrivacyRequestView view(PrivacyRequest request) {
        return PrivacyRequestView.of(request, services, confirmations(request.id));
    }

    /** The assembled access export of a completed ACCESS request, while it is kept. */
    public PrivacyExport export(PrivacyRequest request) {
        if (!"ACCESS".equals(request.kind)) {
            throw new ClientErrorException("An erasure request has no export.", 409);
        }
        if (!PrivacyRequest.COMPLETED.equals(request.status)) {
            throw new ClientErrorException("The request is not complete yet: some services have not answered.", 409);
        }
        if (request.export == null) {
            throw new ClientErrorException("The export was cleared after its retention period; ask again.", 409);
        }
        return PrivacyExport.of(request, readTree(request.export), objectMapper);
    }

    public PrivacyRequest find(UUID id) {
        PrivacyRequest request = PrivacyRequest.findById(id);
        if (request == null) {
            throw new NotFoundException("No privacy request " + id + ".");
        }
        return request;
    }

    /** Newest first, by (createdAt, id). */
    public List<PrivacyRequest> list(List<String> after, int limit) {
        if (after.isEmpty()) {
            return PrivacyRequest.<PrivacyRequest>find("order by createdAt desc, id desc").page(0, limit).list();
        }
        return PrivacyRequest.<PrivacyRequest>find("createdAt < ?1 or (createdAt = ?1 and id < ?2) order by createdAt desc, id desc",
                Cursor.time(after.get(0)), Cursor.uuid(after.get(1))).page(0, limit).list();
    }

    /** Publishes again, with a new event id, each open request last published before {@code before}. */
    @Transactional
    public int republish(OffsetDateTime before) {
        // One replica at a time: the others find the lock taken and leave it to the next round.
        Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RETRY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<PrivacyRequest> open = PrivacyRequest.<PrivacyRequest>find(
                "status <> ?1 and lastPublishedAt <= ?2 order by lastPublishedAt", PrivacyRequest.COMPLETED, before)
                .page(0, 500).list();
        open.forEach(this::publishAgain);
        if (!open.isEmpty()) {
            LOG.infof("%d privacy requests published again, waiting for some services", open.size());
        }
        return open.size();
    }

    /** Clears the access exports completed more than the export retention ago. */
    @Transactional
    public int purgeExports() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return entityManager.createQuery("update PrivacyRequest set export = null, exportPurgedAt = ?1 "
                + "where export is not null and completedAt < ?2")
                .setParameter(1, now).setParameter(2, now.minus(exportRetention)).executeUpdate();
    }

    public JsonNode readTree(String json) {
        try {
            return json == null ? objectMapper.createObjectNode() : objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored export is not JSON", e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
