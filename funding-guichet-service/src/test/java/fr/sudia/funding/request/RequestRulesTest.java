package fr.sudia.funding.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.funding.request.Routing.Facts;

/** How a request's status follows from its advisors' answers, and which rules route it: pure rules. */
class RequestRulesTest {

    @Test
    void theStatusFollowsTheAdvisorsAnswers() {
        assertEquals(RequestStatus.UNROUTED, derive(List.of(), List.of()));
        assertEquals(RequestStatus.WAITING, derive(List.of(AssignmentStatus.PENDING, AssignmentStatus.PENDING), List.of()));
        assertEquals(RequestStatus.WAITING, derive(List.of(AssignmentStatus.DECLINED, AssignmentStatus.PENDING), List.of()));
        assertEquals(RequestStatus.DECLINED, derive(List.of(AssignmentStatus.DECLINED, AssignmentStatus.DECLINED), List.of()));
        assertEquals(RequestStatus.IN_PROGRESS, derive(List.of(AssignmentStatus.IN_CHARGE, AssignmentStatus.CLOSED), List.of(CloseOutcome.HELPED)));
        assertEquals(RequestStatus.HELPED, derive(List.of(AssignmentStatus.CLOSED, AssignmentStatus.CLOSED),
                List.of(CloseOutcome.UNREACHABLE, CloseOutcome.HELPED)));
        assertEquals(RequestStatus.NOT_HELPED, derive(List.of(AssignmentStatus.CLOSED, AssignmentStatus.PENDING), List.of(CloseOutcome.NOT_HELPED)));
        assertEquals(RequestStatus.UNREACHABLE, derive(List.of(AssignmentStatus.CLOSED, AssignmentStatus.DECLINED), List.of(CloseOutcome.UNREACHABLE)));
    }

    @Test
    void aRuleMatchesWhenEachOfItsCriteriaDoes() {
        UUID booster = UUID.randomUUID();
        RoutingRule rule = rule("advisor-1", List.of("FINANCIAL"), List.of(booster), List.of("13"), List.of("PME"));
        assertTrue(Routing.matches(rule, new Facts(Set.of("FINANCIAL", "HR"), Set.of(booster), "13", "PME")));
        assertFalse(Routing.matches(rule, new Facts(Set.of("HR"), Set.of(booster), "13", "PME")), "no pillar in common");
        assertFalse(Routing.matches(rule, new Facts(Set.of("FINANCIAL"), Set.of(), "13", "PME")), "targets no scheme");
        assertFalse(Routing.matches(rule, new Facts(Set.of("FINANCIAL"), Set.of(booster), "06", "PME")), "other department");
        assertFalse(Routing.matches(rule, new Facts(Set.of("FINANCIAL"), Set.of(booster), "13", "ETI")), "other size");
        assertTrue(Routing.matches(rule, new Facts(Set.of("FINANCIAL"), Set.of(booster), null, null)),
                "unknown department and size do not exclude");
        rule.active = false;
        assertFalse(Routing.matches(rule, new Facts(Set.of("FINANCIAL", "HR"), Set.of(booster), "13", "PME")));
    }

    @Test
    void eachAdvisorIsTargetedOnceInRuleOrder() {
        List<RoutingRule> rules = List.of(rule("b", List.of("HR"), List.of(), List.of(), List.of()),
                rule("a", List.of(), List.of(), List.of("06"), List.of()),
                rule("b", List.of("FINANCIAL"), List.of(), List.of(), List.of()),
                rule("c", List.of("LEGAL"), List.of(), List.of(), List.of()));
        assertEquals(List.of("b", "a"), Routing.targets(rules, new Facts(Set.of("HR", "FINANCIAL"), Set.of(), "06", null))
                .stream().map(Routing.Target::advisor).toList());
    }

    private static RequestStatus derive(List<AssignmentStatus> statuses, List<CloseOutcome> outcomes) {
        return RequestStatus.derive(statuses, outcomes);
    }

    private static RoutingRule rule(String advisor, List<String> pillars, List<UUID> schemes, List<String> departments,
            List<String> categories) {
        RoutingRule rule = new RoutingRule();
        rule.partner = "Partner of " + advisor;
        rule.advisor = advisor;
        rule.pillars = pillars;
        rule.schemeIds = schemes;
        rule.departments = departments;
        rule.companyCategories = categories;
        return rule;
    }
}
