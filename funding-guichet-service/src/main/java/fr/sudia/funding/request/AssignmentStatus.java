package fr.sudia.funding.request;

/** One advisor's answer to a request routed to them. */
public enum AssignmentStatus {
    PENDING,
    IN_CHARGE,
    /** "Not for me". */
    DECLINED,
    CLOSED
}
