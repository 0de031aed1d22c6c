package fr.sudia.funding.request;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RoutingRule", description = "Which requests a partner's advisor receives")
public record RoutingRuleView(UUID id, String partner, String advisor, List<String> pillars, List<UUID> schemeIds,
        List<String> departments, List<String> companyCategories, boolean active, OffsetDateTime createdAt) {

    static RoutingRuleView of(RoutingRule rule) {
        return new RoutingRuleView(rule.id, rule.partner, rule.advisor, List.copyOf(rule.pillars), List.copyOf(rule.schemeIds),
                List.copyOf(rule.departments), List.copyOf(rule.companyCategories), rule.active, rule.createdAt);
    }
}
