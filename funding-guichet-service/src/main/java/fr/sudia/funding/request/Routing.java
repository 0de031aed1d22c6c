package fr.sudia.funding.request;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Routes a request to advisors. A rule matches when each of its criteria does: a pillar in common; a targeted
 * scheme in common (a request that targets no scheme never reaches a scheme-specific advisor); the request's
 * department; its company category. A department or category the desk does not know does not exclude the
 * rule: a request is better answered by one advisor too many than by none.
 */
public final class Routing {

    /** What routing reads of a request. */
    public record Facts(Set<String> pillars, Set<UUID> schemeIds, String department, String companyCategory) {
    }

    /** One advisor the request goes to, with the partner of the first rule that matched. */
    public record Target(String advisor, String partner) {
    }

    private Routing() {
    }

    public static boolean matches(RoutingRule rule, Facts facts) {
        return rule.active
                && (rule.pillars.isEmpty() || intersects(rule.pillars, facts.pillars()))
                && (rule.schemeIds.isEmpty() || intersects(rule.schemeIds, facts.schemeIds()))
                && (rule.departments.isEmpty() || facts.department() == null || rule.departments.contains(facts.department()))
                && (rule.companyCategories.isEmpty() || facts.companyCategory() == null
                        || rule.companyCategories.contains(facts.companyCategory()));
    }

    /** The advisors of the matching rules, each once, in the rules' order (rules come ordered by creation). */
    public static List<Target> targets(List<RoutingRule> rules, Facts facts) {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (RoutingRule rule : rules) {
            if (matches(rule, facts)) {
                targets.putIfAbsent(rule.advisor, new Target(rule.advisor, rule.partner));
            }
        }
        return List.copyOf(targets.values());
    }

    private static <T> boolean intersects(Collection<T> a, Collection<T> b) {
        return b.stream().anyMatch(a::contains);
    }
}
