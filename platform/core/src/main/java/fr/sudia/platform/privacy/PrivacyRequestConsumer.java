package fr.sudia.platform.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.PoisonEventException;
import fr.sudia.platform.inbox.IdempotentConsumer;
import fr.sudia.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Every service's answer to the privacy desk: reads {@code privacy.requests.v1} (channel {@value #CHANNEL},
 * configured once for all services in platform/core's defaults) and hands the person to each of the service's
 * {@link PersonalDataHandler}s, then publishes the service's {@link PrivacyAnswered} on {@code privacy.replies.v1}.
 *
 * <p>The handlers and the DONE reply commit together, in a transaction of their own inside the inbox's: when a
 * handler fails, that transaction rolls back (nothing half erased), the failure is logged, and a FAILED reply
 * without data is recorded with the inbox row instead; the desk asks again later, with a new event.
 */
@ApplicationScoped
public class PrivacyRequestConsumer {

    public static final String CHANNEL = "privacy-requests";

    private static final Logger LOG = Logger.getLogger(PrivacyRequestConsumer.class);

    private final IdempotentConsumer idempotentConsumer;
    private final Outbox outbox;
    private final Instance<PersonalDataHandler> handlers;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final String service;

    PrivacyRequestConsumer(IdempotentConsumer idempotentConsumer, Outbox outbox, @Any Instance<PersonalDataHandler> handlers,
            ObjectMapper objectMapper, Clock clock, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.idempotentConsumer = idempotentConsumer;
        this.outbox = outbox;
        this.handlers = handlers;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.service = service;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, this::answer);
    }

    /** Answers one request event; runs in the inbox's transaction. */
    public void answer(CloudEvent event) {
        PrivacyRequested request = read(event);
        PrivacyAnswered answer;
        try {
            answer = QuarkusTransaction.requiringNew().call(() -> {
                PrivacyAnswered done = carryOut(request);
                outbox.publish(PrivacyAnswered.TOPIC, PrivacyAnswered.TYPE, request.requestId().toString(), done);
                return done;
            });
        } catch (RuntimeException e) {
            // No personal data in the log: the request id and what failed only.
            LOG.errorf("Privacy request %s (%s) failed in %s: %s; answering FAILED, the desk will ask again",
                    request.requestId(), request.kind(), service, e.getClass().getName());
            answer = new PrivacyAnswered(request.requestId(), service, request.kind(), PrivacyAnswered.Outcome.FAILED, 0,
                    null, clock.instant());
            outbox.publish(PrivacyAnswered.TOPIC, PrivacyAnswered.TYPE, request.requestId().toString(), answer);
        }
        LOG.infof("Privacy request %s (%s) answered by %s: %s, %d records", request.requestId(), request.kind(), service,
                answer.outcome(), answer.records());
    }

    private PrivacyAnswered carryOut(PrivacyRequested request) {
        DataSubject person = request.person();
        long records = 0;
        Map<String, List<?>> export = request.kind() == PrivacyRequested.Kind.ACCESS ? new LinkedHashMap<>() : null;
        String pseudonym = request.kind() == PrivacyRequested.Kind.ERASURE ? Pseudonyms.of(person) : null;
        for (PersonalDataHandler handler : handlers) {
            if (export != null) {
                List<?> data = handler.export(person);
                records += data.size();
                export.put(handler.dataset(), data);
            } else {
                records += handler.erase(person, pseudonym);
            }
        }
        return new PrivacyAnswered(request.requestId(), service, request.kind(), PrivacyAnswered.Outcome.DONE, records,
                export, clock.instant());
    }

    private PrivacyRequested read(CloudEvent event) {
        if (!PrivacyRequested.TYPE.equals(event.type())) {
            throw new PoisonEventException("unexpected event type " + event.type() + " on the privacy requests' topic");
        }
        try {
            PrivacyRequested request = objectMapper.readValue(event.data(), PrivacyRequested.class);
            if (request.requestId() == null || request.kind() == null) {
                throw new PoisonEventException("a privacy request without its id or kind");
            }
            request.person();
            return request;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("a privacy request that breaks its contract: " + e.getMessage(), e);
        }
    }
}
