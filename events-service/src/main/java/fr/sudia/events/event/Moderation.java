package fr.sudia.events.event;

/** Where an event stands in moderation; only PUBLISHED events are public. */
public enum Moderation {
    /** Submitted by a partner, waiting for an editor. */
    SUBMITTED,
    PUBLISHED,
    REFUSED,
    /** Taken down by an editor after publication: a deletion marker for partners who mirror the calendar. */
    UNPUBLISHED
}
