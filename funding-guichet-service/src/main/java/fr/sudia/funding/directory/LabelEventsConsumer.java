package fr.sudia.funding.directory;

import java.time.OffsetDateTime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.EventData;
import fr.sudia.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the "holds the Sud IA label" fact of each known organization in step with label-service. */
@ApplicationScoped
public class LabelEventsConsumer {

    private static final Logger LOG = Logger.getLogger(LabelEventsConsumer.class);
    private static final String TYPE_PREFIX = "fr.sudia.label.label.";

    private final IdempotentConsumer idempotentConsumer;
    private final EventData eventData;

    LabelEventsConsumer(IdempotentConsumer idempotentConsumer, EventData eventData) {
        this.idempotentConsumer = idempotentConsumer;
        this.eventData = eventData;
    }

    @Incoming("label-labels")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, this::apply);
    }

    void apply(CloudEvent event) {
        if (!event.type().startsWith(TYPE_PREFIX)) {
            return;
        }
        LabelChanged change = eventData.read(event, LabelChanged.class);
        KnownOrganization known = KnownOrganization.findById(change.organizationId());
        if (known == null) {
            // The label may arrive before the directory's event: keep it on a placeholder the directory fills in.
            LOG.debugf("Label %s concerns organization %s, not known yet", change.labelNumber(), change.organizationId());
            known = new KnownOrganization();
            known.id = change.organizationId();
            known.name = "";
            known.kind = "UNKNOWN";
            known.updatedAt = OffsetDateTime.parse("1970-01-01T00:00:00Z");
        } else if (known.labelChangedAt != null && known.labelChangedAt.isAfter(change.changedAt())) {
            return;
        }
        known.labelStatus = change.status();
        known.labelNumber = change.labelNumber();
        known.labelChangedAt = change.changedAt();
        known.persist();
    }
}
