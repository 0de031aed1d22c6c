package fr.sudia.platform.inbox;

import java.time.Clock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.events.PoisonEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Applies each event at most once. The event id is recorded in the inbox in the same transaction as the
 * read-model change, so a redelivered event is skipped, and a failure rolls both back.
 *
 * <p>A transient failure (database unavailable, lock timeout) is retried with back-off; a
 * {@link PoisonEventException} is not: the exception reaches the channel's dead-letter-queue failure
 * strategy, which writes the record to {@code <topic>.dlq} with the reason, and consumption goes on.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final EntityManager entityManager;
    private final Clock clock;

    IdempotentConsumer(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Reads the record as a CloudEvent and, if it was not processed before, hands it to the handler. */
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, String> record, Consumer<CloudEvent> handler) {
        CloudEvent event = KafkaCloudEvents.fromRecord(record);
        QuarkusTransaction.requiringNew().run(() -> {
            if (recordFirstDelivery(event, record.topic())) {
                handler.accept(event);
            } else {
                LOG.debugf("Event %s from %s already processed, skipped", event.id(), event.source());
            }
        });
    }

    /**
     * Records a batch of events in the inbox, in the caller's transaction, for a consumer that applies a batch at once
     * (a replay): answers the events delivered for the first time, in their order, an event repeated in the batch once.
     */
    public List<CloudEvent> recordFirstDeliveries(String topic, List<CloudEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<List<String>> first = new HashSet<>(entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<List<String>> inserted = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into inbox_event (source, id, type, topic, processed_at)
                    select source, id, type, ?, ? from unnest(?::text[], ?::text[], ?::text[]) as e(source, id, type)
                    on conflict (source, id) do nothing
                    returning source, id""")) {
                insert.setString(1, topic);
                insert.setObject(2, OffsetDateTime.now(clock));
                insert.setArray(3, connection.createArrayOf("text", events.stream().map(e -> e.source().toString()).toArray()));
                insert.setArray(4, connection.createArrayOf("text", events.stream().map(CloudEvent::id).toArray()));
                insert.setArray(5, connection.createArrayOf("text", events.stream().map(CloudEvent::type).toArray()));
                try (ResultSet result = insert.executeQuery()) {
                    while (result.next()) {
                        inserted.add(List.of(result.getString(1), result.getString(2)));
                    }
                }
            }
            return inserted;
        }));
        return events.stream().filter(e -> first.remove(List.of(e.source().toString(), e.id()))).toList();
    }

    private boolean recordFirstDelivery(CloudEvent event, String topic) {
        int inserted = entityManager.createNativeQuery("""
                insert into inbox_event (source, id, type, topic, processed_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (source, id) do nothing""")
                .setParameter(1, event.source().toString())
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, topic)
                .setParameter(5, OffsetDateTime.now(clock))
                .executeUpdate();
        return inserted == 1;
    }
}
