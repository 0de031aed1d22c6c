package fr.sudia.funding.request;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request as its member, its advisors and admins see it. */
@Schema(name = "FundingRequest")
public record RequestView(
        UUID id,
        UUID organizationId,
        String need,
        List<String> pillars,
        List<UUID> schemeIds,
        @Schema(nullable = true) String department,
        @Schema(nullable = true) String companyCategory,
        RequestStatus status,
        @Schema(description = "Unanswered for 9 days: advisors must be reminded") boolean reminderDue,
        @Schema(description = "A recent request of the same organization on a same pillar", nullable = true) UUID likelyRepeatOf,
        OffsetDateTime submittedAt,
        @Schema(nullable = true) OffsetDateTime firstAnsweredAt,
        OffsetDateTime statusChangedAt,
        List<Assignment> assignments,
        @Schema(nullable = true) Satisfaction satisfaction,
        @Schema(description = "The prescriber who filed it on the business's behalf (token subject), if any", nullable = true)
        String prescribedBy,
        @Schema(description = "The prescriber's organization (chamber, employers' body)", nullable = true) UUID prescriberOrganizationId,
        @Schema(description = "When the business confirmed a prescribed request", nullable = true) OffsetDateTime confirmedAt) {

    @Schema(name = "RequestAssignment", description = "One advisor the request was routed to, and their answer")
    public record Assignment(String advisor, String partner, AssignmentStatus status,
            @Schema(nullable = true) CloseOutcome outcome, @Schema(nullable = true) String reason,
            @Schema(nullable = true) OffsetDateTime answeredAt,
            @Schema(description = "On a HELPED close: the schemes mobilised") List<UUID> committedSchemeIds,
            @Schema(description = "On a HELPED close: the amount committed in euros", nullable = true) Long amountCommittedEur) {
    }

    @Schema(name = "RequestSatisfaction")
    public record Satisfaction(int score, @Schema(nullable = true) String comment) {
    }

    static RequestView of(FundingRequest r) {
        return new RequestView(r.id, r.organizationId, r.need, List.copyOf(r.pillars), List.copyOf(r.schemeIds),
                r.department, r.companyCategory, r.status, r.reminderDue, r.likelyRepeatOf, r.submittedAt,
                r.firstAnsweredAt, r.statusChangedAt, assignments(r),
                r.satisfactionScore == null ? null : new Satisfaction(r.satisfactionScore, r.satisfactionComment),
                r.prescribedBy, r.prescriberOrganizationId, r.confirmedAt);
    }

    static List<Assignment> assignments(FundingRequest r) {
        return r.assignments.stream()
                .map(a -> new Assignment(a.advisor, a.partner, a.status, a.outcome, a.reason, a.answeredAt,
                        List.copyOf(a.committedSchemeIds), a.amountCommittedEur)).toList();
    }
}
