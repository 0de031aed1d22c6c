package fr.sudia.events.organizer;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.sudia.events.event.Event;
import fr.sudia.events.feed.CalendarVersion;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.EventData;
import fr.sudia.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps {@link Organizer} in step with the directory (name shown on events) and label-service (the Sud IA
 * label shown on their events). Both change what feeds show, hence the calendar version.
 */
@ApplicationScoped
public class OrganizerConsumers {

    private static final String DIRECTORY_TYPES = "fr.sudia.directory.organization.";
    private static final String LABEL_TYPES = "fr.sudia.label.label.";

    private final IdempotentConsumer idempotentConsumer;
    private final EventData eventData;
    private final CalendarVersion calendarVersion;
    private final Clock clock;

    OrganizerConsumers(IdempotentConsumer idempotentConsumer, EventData eventData, CalendarVersion calendarVersion,
            Clock clock) {
        this.idempotentConsumer = idempotentConsumer;
        this.eventData = eventData;
        this.calendarVersion = calendarVersion;
        this.clock = clock;
    }

    @Incoming("directory-organizations")
    @Blocking
    public void consumeOrganization(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, this::applyOrganization);
    }

    @Incoming("label-labels")
    @Blocking
    public void consumeLabel(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, this::applyLabel);
    }

    void applyOrganization(CloudEvent event) {
        if (!event.type().startsWith(DIRECTORY_TYPES)) {
            return;
        }
        OrganizationChanged change = eventData.read(event, OrganizationChanged.class);
        Organizer organizer = Organizer.findOrCreate(change.id());
        if (organizer.updatedAt != null && organizer.updatedAt.isAfter(change.updatedAt())) {
            return;
        }
        organizer.name = change.name();
        organizer.city = change.city();
        organizer.website = change.website();
        organizer.removed = event.type().endsWith(".removed");
        organizer.updatedAt = change.updatedAt();
        organizer.persist();
        eventsShowChange(organizer);
    }

    /**
     * The organizer's events now show another name or label: the feeds change version, and the events count as
     * changed for delta sync (their updatedAt moves), so that a partner's mirror gets the new organizer too.
     */
    private void eventsShowChange(Organizer organizer) {
        Event.update("updatedAt = ?1 where organizerId = ?2", clock.instant(), organizer.id);
        calendarVersion.bump();
    }

    void applyLabel(CloudEvent event) {
        if (!event.type().startsWith(LABEL_TYPES)) {
            return;
        }
        LabelChanged change = eventData.read(event, LabelChanged.class);
        Organizer organizer = Organizer.findOrCreate(change.organizationId());
        if (organizer.labelChangedAt != null && organizer.labelChangedAt.isAfter(change.changedAt())) {
            return;
        }
        organizer.labelStatus = change.status();
        organizer.labelNumber = change.labelNumber();
        organizer.labelChangedAt = change.changedAt();
        organizer.persist();
        eventsShowChange(organizer);
    }
}
