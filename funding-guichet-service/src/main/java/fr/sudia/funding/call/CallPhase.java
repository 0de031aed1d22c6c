package fr.sudia.funding.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A call's phases, in order; a call moves one phase forward at a time. */
@Schema(description = "DRAFT: brouillon / draft; OPEN: ouvert aux candidatures / open; CLOSED: clos / closed; REVIEW: "
        + "évaluation par le jury / jury review; DELIBERATION: délibération / deliberation; RESULTS_PUBLISHED: "
        + "résultats publiés / results published")
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
