package fr.sudia.funding.scheme;

import java.util.List;

import fr.sudia.funding.eligibility.EligibilityConditions;
import fr.sudia.funding.eligibility.OrganizationMatching;
import fr.sudia.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * When a scheme is published, announces on {@code funding.scheme-matches.v1} the organizations it may be for
 * (eligible or possibly eligible by the desk's matching), in the publishing transaction (outbox). One event per part
 * of at most {@link #PART_SIZE} organizations, none when no organization matches.
 */
@ApplicationScoped
public class SchemeMatches {

    public static final String TOPIC = "funding.scheme-matches.v1";
    public static final String MATCHED = "fr.sudia.funding.scheme.matched";
    static final int PART_SIZE = 500;

    private final OrganizationMatching matching;
    private final Outbox outbox;

    SchemeMatches(OrganizationMatching matching, Outbox outbox) {
        this.matching = matching;
        this.outbox = outbox;
    }

    void announce(Scheme scheme, EligibilityConditions conditions) {
        List<SchemeMatched.Match> matches = matching.organizationsMatching(conditions).stream()
                .map(m -> new SchemeMatched.Match(m.organizationId(), m.verdict())).toList();
        int parts = (matches.size() + PART_SIZE - 1) / PART_SIZE;
        for (int part = 1; part <= parts; part++) {
            List<SchemeMatched.Match> slice = matches.subList((part - 1) * PART_SIZE, Math.min(matches.size(), part * PART_SIZE));
            outbox.publish(TOPIC, MATCHED, scheme.id.toString(), new SchemeMatched(scheme.id, scheme.name, scheme.provider,
                    scheme.level, scheme.kind, scheme.opensOn, List.copyOf(scheme.deadlines), scheme.ongoing,
                    scheme.applicationUrl, part, parts, List.copyOf(slice), scheme.createdAt));
        }
    }
}
