package fr.sudia.notifications.webhook;

import java.util.List;

/** The event types a partner may subscribe to: the platform's public events, named by their CloudEvents type. */
public final class EventTypes {

    public static final List<String> ALL = List.of(
            "fr.sudia.events.event.published", "fr.sudia.events.event.updated", "fr.sudia.events.event.cancelled",
            "fr.sudia.events.event.unpublished",
            "fr.sudia.label.label.granted", "fr.sudia.label.label.renewed", "fr.sudia.label.label.suspended",
            "fr.sudia.label.label.restored", "fr.sudia.label.label.withdrawn", "fr.sudia.label.label.expired",
            "fr.sudia.label.charter.signed",
            "fr.sudia.funding.scheme.published", "fr.sudia.funding.scheme.closed",
            "fr.sudia.funding.call.opened", "fr.sudia.funding.call.result-published");

    private EventTypes() {
    }
}
