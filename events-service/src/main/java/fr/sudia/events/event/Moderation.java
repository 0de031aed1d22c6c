package fr.sudia.events.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an event stands in moderation; only PUBLISHED events are public. */
@Schema(description = "SUBMITTED: proposé, en attente d'un éditeur / submitted, waiting for an editor; PUBLISHED: publié / "
        + "published; REFUSED: refusé / refused; UNPUBLISHED: retiré après publication / taken down after publication")
public enum Moderation {
    /** Submitted by a partner, waiting for an editor. */
    SUBMITTED,
    PUBLISHED,
    REFUSED,
    /** Taken down by an editor after publication: a deletion marker for partners who mirror the calendar. */
    UNPUBLISHED
}
