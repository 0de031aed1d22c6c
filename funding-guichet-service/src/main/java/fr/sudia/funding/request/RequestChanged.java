package fr.sudia.funding.request;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The data of a {@code funding.requests.v1} event (contract: {@code contracts/funding.requests.v1.json}), its own
 * type, not the REST view: no personal data. The member's words (need, satisfaction comment), the advisors' notes
 * and who submitted or answered (account subjects) stay in the desk; advisors appear by their partner only.
 * {@code committedSchemeIds} and {@code amountCommittedEur} total what the HELPED closes committed, for the plan's
 * impact indicators. A prescribed request names the prescriber's organization (not the prescriber) and when the
 * business confirmed it.
 */
public record RequestChanged(UUID id, UUID organizationId, RequestStatus status, List<String> pillars,
        List<UUID> schemeIds, String department, String companyCategory, boolean reminderDue, UUID likelyRepeatOf,
        OffsetDateTime submittedAt, OffsetDateTime firstAnsweredAt, List<Assignment> assignments,
        List<UUID> committedSchemeIds, Long amountCommittedEur, Integer satisfactionScore, UUID prescriberOrganizationId,
        OffsetDateTime confirmedAt, OffsetDateTime changedAt) {

    /** One partner's part in the request. */
    public record Assignment(String partner, AssignmentStatus status, CloseOutcome outcome, OffsetDateTime answeredAt,
            List<UUID> committedSchemeIds, Long amountCommittedEur) {
    }

    static RequestChanged of(FundingRequest r, OffsetDateTime changedAt) {
        List<Assignment> assignments = r.assignments.stream().map(a -> new Assignment(a.partner, a.status, a.outcome,
                a.answeredAt, List.copyOf(a.committedSchemeIds), a.amountCommittedEur)).toList();
        List<UUID> committed = r.assignments.stream().flatMap(a -> a.committedSchemeIds.stream())
                .distinct().sorted(Comparator.comparing(UUID::toString)).toList();
        List<Long> amounts = r.assignments.stream().map(a -> a.amountCommittedEur).filter(Objects::nonNull).toList();
        Long amount = amounts.isEmpty() ? null : amounts.stream().mapToLong(Long::longValue).sum();
        return new RequestChanged(r.id, r.organizationId, r.status, List.copyOf(r.pillars), List.copyOf(r.schemeIds),
                r.department, r.companyCategory, r.reminderDue, r.likelyRepeatOf, r.submittedAt, r.firstAnsweredAt,
                assignments, committed, amount, r.satisfactionScore, r.prescriberOrganizationId, r.confirmedAt, changedAt);
    }
}
