package fr.sudia.funding.eligibility;

import java.util.Objects;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.sudia.funding.directory.KnownOrganization;
import fr.sudia.funding.scheme.Pillar;
import fr.sudia.funding.scheme.Scheme;
import fr.sudia.funding.time.DeskTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/** Ranks the published schemes for a company profile. */
@ApplicationScoped
public class EligibilityService {

    /**
     * Eligible first, then possibly eligible, then not; within a verdict fewer failures, fewer unknowns, more
     * conditions met (a scheme aimed at the company before a generic one), open ones, the nearest deadline; then
     * name and id, so that the order is total and the same profile always gets the same list.
     */
    static final Comparator<SchemeMatch> RANKING = Comparator.comparing(SchemeMatch::verdict)
            .thenComparingInt(SchemeMatch::failed)
            .thenComparingInt(SchemeMatch::unknown)
            .thenComparing(Comparator.comparingInt(SchemeMatch::passed).reversed())
            .thenComparing(match -> !match.open())
            .thenComparing(SchemeMatch::nextDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SchemeMatch::name)
            .thenComparing(SchemeMatch::schemeId);

    private final CatalogueSnapshot snapshot;
    private final DeskTime time;

    EligibilityService(CatalogueSnapshot snapshot, DeskTime time) {
        this.snapshot = snapshot;
        this.time = time;
    }

    /**
     * Ranks on the outcomes alone, then writes the explanations of the {@code limit} schemes returned only: the
     * sentences are most of the work, and a caller rarely reads past the first page.
     */
    public MatchResult match(CompanyProfile profile, boolean openOnly, int limit) {
        LocalDate today = time.today();
        record Ranked(CatalogueSnapshot.Entry entry, SchemeMatch match) {
        }
        List<Ranked> ranked = snapshot.published().stream()
                .filter(entry -> !openOnly || entry.scheme().isOpen(today))
                .map(entry -> new Ranked(entry, match(entry.scheme(),
                        EligibilityMatcher.outcomes(entry.conditions(), profile, today.getYear()), today)))
                .sorted(Comparator.comparing(Ranked::match, RANKING))
                .toList();
        Map<Verdict, Long> totals = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            totals.put(verdict, 0L);
        }
        ranked.forEach(r -> totals.merge(r.match().verdict(), 1L, Long::sum));
        List<SchemeMatch> items = ranked.subList(0, Math.min(limit, ranked.size())).stream()
                .map(r -> match(r.entry().scheme(), EligibilityMatcher.check(r.entry().conditions(), profile, today.getYear()), today))
                .toList();
        return new MatchResult(profile, today, totals, items);
    }

    static SchemeMatch match(Scheme scheme, List<ConditionCheck> checks, LocalDate today) {
        int passed = count(checks, Outcome.PASS);
        int failed = count(checks, Outcome.FAIL);
        int unknown = count(checks, Outcome.UNKNOWN);
        return new SchemeMatch(scheme.id, scheme.name, scheme.provider, scheme.level, scheme.kind,
                scheme.pillars.stream().map(Pillar::valueOf).sorted().toList(), scheme.isOpen(today),
                scheme.nextDeadline(today), Verdict.of(failed, unknown), passed, failed, unknown, checks);
    }

    /** The profile of a directory organization, from the desk's read model; what the directory lacks stays null. */
    @Transactional
    public CompanyProfile profileOf(UUID organizationId) {
        KnownOrganization known = KnownOrganization.<KnownOrganization>findByIdOptional(organizationId)
                .filter(KnownOrganization::isInDirectory)
                .orElseThrow(() -> new NotFoundException("Organization " + organizationId
                        + " is not known to the desk (the directory's events may not have arrived yet)."));
        return new CompanyProfile(null, known(HeadcountBand.class, known.headcountBand), null, null, known.foundedYear,
                null, NafCodes.isKnown(known.nafCode) ? known.nafCode : null, known.department,
                known(Sector.class, known.sectors), known(StrategicSector.class, known.strategicSectors), null,
                known.holdsLabel());
    }

    private static int count(List<ConditionCheck> checks, Outcome outcome) {
        return (int) checks.stream().filter(check -> check.outcome() == outcome).count();
    }

    private static <E extends Enum<E>> E known(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElse(null);
    }

    private static <E extends Enum<E>> Set<E> known(Class<E> type, List<String> values) {
        Set<E> set = EnumSet.noneOf(type);
        set.addAll(values.stream().map(value -> known(type, value)).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return set;
    }
}
