package fr.sudia.label.directory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.sudia.label.application.Applications;
import fr.sudia.label.label.LabelLifecycle;
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

    private static final String REMOVED = TYPE_PREFIX + "removed";

    private final IdempotentConsumer idempotentConsumer;
    private final EventData eventData;
    private final LabelLifecycle labels;
    private final Applications applications;

    DirectoryOrganizationsConsumer(IdempotentConsumer idempotentConsumer, EventData eventData, LabelLifecycle labels,
            Applications applications) {
        this.idempotentConsumer = idempotentConsumer;
        this.eventData = eventData;
        this.labels = labels;
        this.applications = applications;
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
        boolean holderShownDifferently = !change.name().equals(known.name) || !Objects.equals(change.city(), known.city);
        known.name = change.name();
        known.kind = change.kind();
        known.city = change.city();
        known.siren = change.siren();
        known.updatedAt = change.updatedAt();
        known.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        boolean removed = REMOVED.equals(event.type());
        if (removed && known.removedAt == null) {
            known.removedAt = change.updatedAt();
        }
        known.persist();
        String actor = event.source().toString();
        if (removed) {
            labels.organizationRemoved(known.id, actor);
            applications.organizationRemoved(known.id, actor);
        } else if (holderShownDifferently) {
            labels.holderChanged(known.id);
        }
    }
}
