package fr.sudia.impact.source;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.sudia.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** The live consumers of the five topics: each event applied once (inbox), in the same transaction as its facts. */
@ApplicationScoped
public class SourceConsumers {

    private final IdempotentConsumer idempotentConsumer;
    private final Projections projections;

    SourceConsumers(IdempotentConsumer idempotentConsumer, Projections projections) {
        this.idempotentConsumer = idempotentConsumer;
        this.projections = projections;
    }

    @Incoming("events-attendance")
    @Blocking
    public void attendance(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, projections.of(Projections.ATTENDANCE));
    }

    @Incoming("directory-organizations")
    @Blocking
    public void organizations(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, projections.of(Projections.ORGANIZATIONS));
    }

    @Incoming("label-labels")
    @Blocking
    public void labels(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, projections.of(Projections.LABELS));
    }

    @Incoming("funding-requests")
    @Blocking
    public void requests(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, projections.of(Projections.REQUESTS));
    }

    @Incoming("funding-calls")
    @Blocking
    public void calls(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, projections.of(Projections.CALLS));
    }
}
