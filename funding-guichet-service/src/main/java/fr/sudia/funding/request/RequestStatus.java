package fr.sudia.funding.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Collection;
import java.util.Set;

/** Where a request stands; it follows from its advisors' answers (see {@link #derive}). */
@Schema(description = "AWAITING_CONFIRMATION: en attente de confirmation par l'entreprise / waiting for the business's "
        + "confirmation; UNROUTED: à orienter / to be routed; WAITING: orientée, en attente / routed, waiting; "
        + "IN_PROGRESS: prise en charge / in progress; DECLINED: déclinée / declined; HELPED: accompagnée / "
        + "helped; NOT_HELPED: non accompagnée / not helped; UNREACHABLE: injoignable / unreachable; EXPIRED: "
        + "expirée sans réponse / expired without an answer")
public enum RequestStatus {
    /** Filed by a prescriber; not routed until the business confirms it. */
    AWAITING_CONFIRMATION,
    /** No routing rule matched: an admin must route it. */
    UNROUTED,
    /** Routed; no advisor has taken it in charge or closed it yet. */
    WAITING,
    /** At least one advisor has it in charge. */
    IN_PROGRESS,
    /** Every advisor it was routed to declined it. */
    DECLINED,
    HELPED,
    NOT_HELPED,
    UNREACHABLE,
    /** Nobody answered within the expiry delay (45 days). */
    EXPIRED;

    /** Statuses that mean the request is over; a satisfaction answer may then be left (except on EXPIRED). */
    public static final Set<RequestStatus> CLOSED = Set.of(HELPED, NOT_HELPED, UNREACHABLE);

    /** Statuses in which nobody has answered yet: the reminder and expiry rules apply. */
    public static final Set<RequestStatus> UNANSWERED = Set.of(UNROUTED, WAITING);
    /** Statuses that expire after the expiry delay: the unanswered ones, and prescribed requests never confirmed. */
    public static final Set<RequestStatus> EXPIRING = Set.of(AWAITING_CONFIRMATION, UNROUTED, WAITING);

    /**
     * The status that follows from the advisors' answers: anyone working on it makes it IN_PROGRESS; otherwise
     * the best closing outcome wins (HELPED over NOT_HELPED over UNREACHABLE); otherwise it waits while some
     * advisor has not answered, and is DECLINED once all have declined.
     */
    public static RequestStatus derive(Collection<AssignmentStatus> statuses, Collection<CloseOutcome> outcomes) {
        if (statuses.isEmpty()) {
            return UNROUTED;
        }
        if (statuses.contains(AssignmentStatus.IN_CHARGE)) {
            return IN_PROGRESS;
        }
        if (outcomes.contains(CloseOutcome.HELPED)) {
            return HELPED;
        }
        if (outcomes.contains(CloseOutcome.NOT_HELPED)) {
            return NOT_HELPED;
        }
        if (outcomes.contains(CloseOutcome.UNREACHABLE)) {
            return UNREACHABLE;
        }
        return statuses.contains(AssignmentStatus.PENDING) ? WAITING : DECLINED;
    }
}
