package fr.sudia.funding.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.sudia.funding.directory.KnownOrganization;
import fr.sudia.funding.time.DeskTime;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The other way round from {@link EligibilityService}: one scheme's conditions against every organization the desk
 * knows (the directory read model, completed by the applicants), with the very same matcher and profiles. Used to
 * tell the organizations of a new scheme they may claim.
 */
@ApplicationScoped
public class OrganizationMatching {

    /** An organization the scheme is for: ELIGIBLE, or POSSIBLY_ELIGIBLE when facts the desk lacks decide. */
    public record OrganizationMatch(UUID organizationId, Verdict verdict) {
    }

    private final DeskTime time;

    OrganizationMatching(DeskTime time) {
        this.time = time;
    }

    /** Every known organization not ruled out by the conditions, eligible ones first, then by id. Call in a transaction. */
    public List<OrganizationMatch> organizationsMatching(EligibilityConditions conditions) {
        EligibilityMatcher.CompiledConditions compiled = EligibilityMatcher.CompiledConditions.of(conditions);
        int year = time.today().getYear();
        Map<UUID, BeneficiaryDetails> details = BeneficiaryDetails.<BeneficiaryDetails>listAll().stream()
                .collect(Collectors.toMap(d -> d.organizationId, Function.identity()));
        EligibilityMatcher.Tally tally = EligibilityMatcher.Tally.counting();
        List<OrganizationMatch> matches = new ArrayList<>();
        for (KnownOrganization known : KnownOrganization.<KnownOrganization>list("removed = false")) {
            if (!known.isInDirectory()) {
                continue;
            }
            CompanyProfile profile = EligibilityService.profileOf(known, details.get(known.id));
            EligibilityMatcher.tally(compiled, EligibilityMatcher.Company.of(profile, year), tally);
            if (tally.verdict() != Verdict.NOT_ELIGIBLE) {
                matches.add(new OrganizationMatch(known.id, tally.verdict()));
            }
        }
        matches.sort(java.util.Comparator.comparing(OrganizationMatch::verdict).thenComparing(OrganizationMatch::organizationId));
        return matches;
    }
}
