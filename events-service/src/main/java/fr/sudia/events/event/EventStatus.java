package fr.sudia.events.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event's state for its attendees, as schema.org's eventStatus (FULL is schema.org's sold-out offer). */
@Schema(description = "SCHEDULED: prévu / scheduled; POSTPONED: reporté, nouvelle date à venir / postponed, new date to come; "
        + "RESCHEDULED: déplacé à une nouvelle date / rescheduled; MOVED_ONLINE: passé en ligne / moved online; FULL: complet / "
        + "full; CANCELLED: annulé / cancelled")
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
