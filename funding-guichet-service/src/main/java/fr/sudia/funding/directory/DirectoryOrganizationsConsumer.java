package fr.sudia.funding.directory;

import java.util.ArrayList;
import java.util.List;

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
    private static final String REMOVED = TYPE_PREFIX + "removed";

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
        known.nafCode = change.nafCode();
        known.headcountBand = change.headcountBand();
        known.foundedYear = change.foundedYear();
        known.city = change.city();
        known.department = change.department();
        known.sectors = new ArrayList<>(change.sectors() == null ? List.of() : change.sectors());
        known.strategicSectors = new ArrayList<>(change.strategicSectors() == null ? List.of() : change.strategicSectors());
        known.removed = REMOVED.equals(event.type());
        known.updatedAt = change.updatedAt();
        OrganizationChanged.Label label = change.label();
        if (label != null && label.status() != null
                && (known.labelChangedAt == null || label.since() != null && !label.since().isBefore(known.labelChangedAt))) {
            known.labelStatus = label.status();
            known.labelNumber = label.number();
            known.labelChangedAt = label.since();
        }
        known.persist();
    }
}
