package fr.sudia.funding.call;

/** A call's phases, in order; a call moves one phase forward at a time. */
public enum CallPhase {
    DRAFT,
    OPEN,
    CLOSED,
    REVIEW,
    DELIBERATION,
    RESULTS_PUBLISHED;

    public CallPhase next() {
        return this == RESULTS_PUBLISHED ? null : values()[ordinal() + 1];
    }

    public boolean atLeast(CallPhase other) {
        return ordinal() >= other.ordinal();
    }
}
