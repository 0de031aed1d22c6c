package fr.sudia.label.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.EnumSet;
import java.util.Set;

/** draft → submitted → under review → (justification requested → resubmitted → under review)* → granted or refused. */
@Schema(description = "DRAFT: brouillon / draft; SUBMITTED: déposée / submitted; UNDER_REVIEW: en cours d'examen / under review; JUSTIFICATION_REQUESTED: justificatifs demandés / justification requested; RESUBMITTED: complétée et redéposée / resubmitted; GRANTED: label accordé / granted; REFUSED: refusée / refused")
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    UNDER_REVIEW,
    JUSTIFICATION_REQUESTED,
    RESUBMITTED,
    GRANTED,
    REFUSED;

    public Set<ApplicationStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED);
            case SUBMITTED, RESUBMITTED -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(JUSTIFICATION_REQUESTED, GRANTED, REFUSED);
            case JUSTIFICATION_REQUESTED -> EnumSet.of(RESUBMITTED);
            case GRANTED, REFUSED -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    public boolean canMoveTo(ApplicationStatus target) {
        return next().contains(target);
    }

    /** The applicant may change its answers only while the application is in its hands. */
    public boolean isEditable() {
        return this == DRAFT || this == JUSTIFICATION_REQUESTED;
    }

    /** Reviewers comment on applications that have been submitted and not decided yet. */
    public boolean isInReview() {
        return this == SUBMITTED || this == UNDER_REVIEW || this == JUSTIFICATION_REQUESTED || this == RESUBMITTED;
    }

    /** Where a submission leads from here. */
    public ApplicationStatus submitted() {
        return this == JUSTIFICATION_REQUESTED ? RESUBMITTED : SUBMITTED;
    }
}
