package fr.sudia.directory.label;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationHistory;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.EventData;
import fr.sudia.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps each organization's Sud IA badge, and the "labelled" filter, in step with label-service. */
@ApplicationScoped
public class LabelEventsConsumer {

    private static final Logger LOG = Logger.getLogger(LabelEventsConsumer.class);
    private static final String TYPE_PREFIX = "fr.sudia.label.label.";

    private final IdempotentConsumer idempotentConsumer;
    private final EventData eventData;
    private final ObjectMapper mapper;

    LabelEventsConsumer(IdempotentConsumer idempotentConsumer, EventData eventData, ObjectMapper mapper) {
        this.idempotentConsumer = idempotentConsumer;
        this.eventData = eventData;
        this.mapper = mapper;
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
        Organization organization = Organization.findLive(change.organizationId()).orElse(null);
        if (organization == null) {
            LOG.infof("Label %s concerns organization %s, not in the directory: ignored", change.labelNumber(),
                    change.organizationId());
            return;
        }
        if (organization.labelChangedAt != null && organization.labelChangedAt.isAfter(change.changedAt())) {
            return;
        }
        String before = organization.labelStatus.name();
        organization.labelStatus = change.status();
        organization.labelNumber = change.labelNumber();
        organization.labelChangedAt = change.changedAt();

        OrganizationHistory entry = new OrganizationHistory();
        entry.organizationId = organization.id;
        entry.at = change.changedAt();
        entry.actor = event.source().toString();
        entry.action = "LABEL_CHANGED";
        ObjectNode label = mapper.createObjectNode();
        label.putObject("label").put("from", before).put("to", change.status().name()).put("number", change.labelNumber());
        entry.changes = label.toString();
        entry.persist();
    }
}
