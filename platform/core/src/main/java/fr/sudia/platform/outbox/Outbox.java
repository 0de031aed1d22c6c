package fr.sudia.platform.outbox;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.events.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Where a service records the events of a business change. The row commits or rolls back with the change
 * itself; {@link OutboxRelay} publishes it afterwards, so a Kafka outage delays events but never loses one.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper objectMapper;
    private final URI source;
    private final Event<OutboxWritten> written;
    private final OpenTelemetry openTelemetry;

    Outbox(ObjectMapper objectMapper, @ConfigProperty(name = "sudia.events.source") URI source,
            Event<OutboxWritten> written, OpenTelemetry openTelemetry) {
        this.objectMapper = objectMapper;
        this.source = source;
        this.written = written;
        this.openTelemetry = openTelemetry;
    }

    /**
     * Records an event in the current transaction.
     *
     * @param topic the Kafka topic, e.g. {@code directory.organizations.v1}
     * @param type the CloudEvents type, e.g. {@code fr.sudia.directory.organization.registered}
     * @param aggregateId the aggregate the event is about: the record key and the CloudEvents subject
     * @param data serialized to JSON as the event's data
     */
    @Transactional(TxType.MANDATORY)
    public CloudEvent publish(String topic, String type, String aggregateId, Object data) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = topic;
        row.type = type;
        row.aggregateId = aggregateId;
        row.payload = toJson(data);
        row.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, String> traceContext = currentTraceContext();
        row.traceparent = traceContext.get(TRACEPARENT);
        row.tracestate = traceContext.get(TRACESTATE);
        row.persist();
        written.fire(new OutboxWritten());
        return toCloudEvent(row);
    }

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    /** The W3C headers of the current span (none when tracing is off or no span is current). */
    private Map<String, String> currentTraceContext() {
        Map<String, String> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier;
    }

    /** Fired when a row is written; the relay wakes up once the transaction has committed. */
    record OutboxWritten() {
    }

    CloudEvent toCloudEvent(OutboxEvent row) {
        return new CloudEvent(row.id.toString(), source, row.type, row.aggregateId, row.occurredAt, row.payload);
    }

    private String toJson(Object data) {
        try {
            return objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
