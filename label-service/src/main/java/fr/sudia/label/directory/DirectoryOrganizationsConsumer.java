package fr.sudia.label.directory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.EventData;
import fr.sudia.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps {@link KnownOrganization} in step with the directory. */
@ApplicationScoped
public class DirectoryOrganizationsConsumer {

    private static final Logger LOG = Logger.getLogger(DirectoryOrganizationsConsumer.class);
    private static final String TYPE_PREFIX = "fr.sudia.directory.organization.";

    private final IdempotentConsumer idempotentConsumer;
    private final EventData eventData;

    DirectoryOrganizationsConsumer(IdempotentConsumer idempotentConsumer, EventData eventData) {
        this.idempotentConsumer = idempotentConsumer;
        this.eventData = eventData;
    }

    @Incoming("directory-organizations")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, this::apply);
    }

    void apply(CloudEvent event) {
        if (!event.type().startsWith(TYPE_PREFIX)) {
            LOG.debugf("Ignoring event type %s", event.type());
            return;
        }
        OrganizationChanged change = eventData.read(event, OrganizationChanged.class);
        KnownOrganization known = KnownOrganization.findById(change.id());
        if (known == null) {
            known = new KnownOrganization();
            known.id = change.id();
        } else if (known.updatedAt.isAfter(change.updatedAt())) {
            return;
        }
        known.name = change.name();
        known.kind = change.kind();
        known.city = change.city();
        known.siren = change.siren();
        known.updatedAt = change.updatedAt();
        known.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        known.persist();
    }
}
