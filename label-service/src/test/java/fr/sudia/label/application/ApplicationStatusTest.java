package fr.sudia.label.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static fr.sudia.label.application.ApplicationStatus.*;

/** The workflow's transition table: every pair of statuses, allowed or not. */
class ApplicationStatusTest {

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(UNDER_REVIEW),
            UNDER_REVIEW, EnumSet.of(JUSTIFICATION_REQUESTED, GRANTED, REFUSED),
            JUSTIFICATION_REQUESTED, EnumSet.of(RESUBMITTED),
            RESUBMITTED, EnumSet.of(UNDER_REVIEW),
            GRANTED, EnumSet.noneOf(ApplicationStatus.class),
            REFUSED, EnumSet.noneOf(ApplicationStatus.class));

    @Test
    void everyPairIsAllowedExactlyWhenTheWorkflowSaysSo() {
        for (ApplicationStatus from : values()) {
            for (ApplicationStatus to : values()) {
                assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void aSubmissionAfterAJustificationRequestIsAResubmission() {
        assertEquals(SUBMITTED, DRAFT.submitted());
        assertEquals(RESUBMITTED, JUSTIFICATION_REQUESTED.submitted());
    }

    @Test
    void onlyTheApplicantsTurnsAreEditable() {
        for (ApplicationStatus status : values()) {
            assertEquals(status == DRAFT || status == JUSTIFICATION_REQUESTED, status.isEditable(), status.name());
        }
    }
}
