package fr.sudia.label.notice;

import java.time.LocalDate;
import java.util.UUID;

import fr.sudia.label.application.ApplicationStatus;

/**
 * The data of a {@code label.notices.v1} event (contract: {@code contracts/label.notices.v1.json}): one person, by
 * token subject, label-service decided must be told. No address: notification-service resolves the subject.
 */
public record LabelNotice(String recipient, Organization organization, ApplicationRef application, LabelRef label,
        CharterRef charter) {

    public record Organization(UUID id, String name) {
    }

    public record ApplicationRef(UUID id, ApplicationStatus status, String message) {
    }

    public record LabelRef(String number, LocalDate validUntil) {
    }

    /** A new version of the charter, and the last day (Europe/Paris) to sign it before the organization's label is suspended. */
    public record CharterRef(int version, LocalDate effectiveOn, LocalDate signBy) {
    }
}
