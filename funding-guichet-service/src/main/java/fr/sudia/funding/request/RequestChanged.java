package fr.sudia.funding.request;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of a {@code funding.requests.v1} event: the request's state without the member's own words (the need
 * and the satisfaction comment stay in the desk).
 */
public record RequestChanged(UUID id, UUID organizationId, RequestStatus status, List<String> pillars,
        List<UUID> schemeIds, String department, String companyCategory, boolean reminderDue, UUID likelyRepeatOf,
        OffsetDateTime submittedAt, OffsetDateTime firstAnsweredAt, List<RequestView.Assignment> assignments,
        Integer satisfactionScore, OffsetDateTime changedAt) {

    static RequestChanged of(FundingRequest r, OffsetDateTime changedAt) {
        return new RequestChanged(r.id, r.organizationId, r.status, List.copyOf(r.pillars), List.copyOf(r.schemeIds),
                r.department, r.companyCategory, r.reminderDue, r.likelyRepeatOf, r.submittedAt, r.firstAnsweredAt,
                RequestView.assignments(r), r.satisfactionScore, changedAt);
    }
}
