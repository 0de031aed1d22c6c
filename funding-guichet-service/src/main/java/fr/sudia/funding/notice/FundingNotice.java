package fr.sudia.funding.notice;

import java.time.OffsetDateTime;
import java.util.UUID;

import fr.sudia.funding.call.Outcome;
import fr.sudia.funding.request.RequestStatus;

/**
 * The data of a {@code funding.notices.v1} event (contract: {@code contracts/funding.notices.v1.json}): one person,
 * by token subject, the desk decided must be told. No address, no name, no free text: notification-service resolves
 * the subject and writes the message.
 */
public record FundingNotice(String recipient, RequestRef request, CallRef call, ApplicationRef application) {

    public record RequestRef(UUID id, RequestStatus status, OffsetDateTime submittedAt) {
    }

    public record CallRef(UUID id, String title) {
    }

    public record ApplicationRef(UUID id, Outcome outcome) {
    }
}
