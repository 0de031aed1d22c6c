package fr.sudia.funding.request;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The funding desk's personal data by token subject (issue 21): the requests a member wrote or an advisor prescribed,
 * the assignments an advisor answered, the routing rules that name an advisor. What the organization and the desk's
 * figures need stays (the request, its status, pillars, schemes, outcomes, amounts) under the pseudonym; what only
 * the person wrote goes.
 */
public final class RequestPersonalData {

    private RequestPersonalData() {
    }

    /**
     * Requests: for the member who wrote them, the need and the satisfaction comment (free text, may name people) are
     * emptied, as are the advisors' decline reasons about them; the author becomes the pseudonym. A prescribing
     * advisor becomes the pseudonym.
     */
    @ApplicationScoped
    public static class Requests implements PersonalDataHandler {

        public record Request(UUID id, UUID organizationId, boolean wrote, boolean prescribed, String need,
                List<String> pillars, List<UUID> schemeIds, RequestStatus status, OffsetDateTime submittedAt,
                Integer satisfactionScore, String satisfactionComment) {
        }

        @Override
        public String dataset() {
            return "funding-requests";
        }

        @Override
        @Transactional
        public List<Request> export(DataSubject person) {
            if (!person.hasSubject()) {
                return List.of();
            }
            return FundingRequest.<FundingRequest>list("submittedBy = ?1 or prescribedBy = ?1 order by submittedAt, id",
                    person.subject()).stream().map(r -> new Request(r.id, r.organizationId,
                            person.subject().equals(r.submittedBy), person.subject().equals(r.prescribedBy), r.need,
                            List.copyOf(r.pillars), List.copyOf(r.schemeIds), r.status, r.submittedAt,
                            r.satisfactionScore, r.satisfactionComment)).toList();
        }

        @Override
        @Transactional
        public long erase(DataSubject person, String pseudonym) {
            if (!person.hasSubject()) {
                return 0;
            }
            long changed = 0;
            for (FundingRequest request : FundingRequest.<FundingRequest>list("submittedBy = ?1 or prescribedBy = ?1",
                    person.subject())) {
                if (person.subject().equals(request.submittedBy)) {
                    request.submittedBy = pseudonym;
                    request.need = "";
                    request.satisfactionComment = null;
                    request.assignments.forEach(a -> a.reason = null);
                }
                if (person.subject().equals(request.prescribedBy)) {
                    request.prescribedBy = pseudonym;
                }
                changed++;
            }
            return changed;
        }
    }

    /** Assignments an advisor answered: they stay (the organization's answer, the desk's figures) under the pseudonym. */
    @ApplicationScoped
    public static class Assignments implements PersonalDataHandler {

        public record Assignment(UUID id, UUID requestId, String partner, AssignmentStatus status, CloseOutcome outcome,
                String reason, Long amountCommittedEur, OffsetDateTime answeredAt) {
        }

        @Override
        public String dataset() {
            return "request-assignments";
        }

        @Override
        @Transactional
        public List<Assignment> export(DataSubject person) {
            if (!person.hasSubject()) {
                return List.of();
            }
            return RequestAssignment.<RequestAssignment>list("advisor = ?1 order by id", person.subject()).stream()
                    .map(a -> new Assignment(a.id, a.request.id, a.partner, a.status, a.outcome, a.reason,
                            a.amountCommittedEur, a.answeredAt)).toList();
        }

        @Override
        @Transactional
        public long erase(DataSubject person, String pseudonym) {
            return person.hasSubject()
                    ? RequestAssignment.update("advisor = ?1 where advisor = ?2", pseudonym, person.subject())
                    : 0;
        }
    }

    /** Routing rules naming an advisor: erased, the rule would route to nobody, so it is deactivated as well. */
    @ApplicationScoped
    public static class Rules implements PersonalDataHandler {

        public record Rule(UUID id, String partner, List<String> pillars, List<String> departments, boolean active,
                OffsetDateTime createdAt) {
        }

        @Override
        public String dataset() {
            return "routing-rules";
        }

        @Override
        @Transactional
        public List<Rule> export(DataSubject person) {
            if (!person.hasSubject()) {
                return List.of();
            }
            return RoutingRule.<RoutingRule>list("advisor = ?1 order by createdAt, id", person.subject()).stream()
                    .map(r -> new Rule(r.id, r.partner, List.copyOf(r.pillars), List.copyOf(r.departments), r.active,
                            r.createdAt)).toList();
        }

        @Override
        @Transactional
        public long erase(DataSubject person, String pseudonym) {
            return person.hasSubject()
                    ? RoutingRule.update("advisor = ?1, active = false, version = version + 1 where advisor = ?2", pseudonym, person.subject())
                    : 0;
        }
    }
}
