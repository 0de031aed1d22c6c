package fr.sudia.funding.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One advisor's answer to a request routed to them. */
@Schema(description = "PENDING: en attente de réponse / waiting for an answer; IN_CHARGE: pris en charge / taken in charge; "
        + "DECLINED: décliné / declined; CLOSED: clôturé / closed")
public enum AssignmentStatus {
    PENDING,
    IN_CHARGE,
    /** "Not for me". */
    DECLINED,
    CLOSED
}
