package fr.sudia.events.event;

/** An event's state for its attendees, as schema.org's eventStatus (FULL is schema.org's sold-out offer). */
public enum EventStatus {
    SCHEDULED("https://schema.org/EventScheduled"),
    POSTPONED("https://schema.org/EventPostponed"),
    RESCHEDULED("https://schema.org/EventRescheduled"),
    MOVED_ONLINE("https://schema.org/EventMovedOnline"),
    FULL("https://schema.org/EventScheduled"),
    CANCELLED("https://schema.org/EventCancelled");

    public final String schemaOrg;

    EventStatus(String schemaOrg) {
        this.schemaOrg = schemaOrg;
    }
}
