package fr.sudia.funding.eligibility;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.sudia.funding.directory.KnownOrganization;
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
        // The first levels of RANKING packed in one number, so that most comparisons are one subtraction.
        Comparator<Ranked> ranking = Comparator.comparingLong(Ranked::key).thenComparing(Ranked::match, RANKING);
        long[] totals = new long[Verdict.values().length];
        // Only the first `limit` are returned: kept in a heap whose head is the worst of them, rather than sorting all.
        PriorityQueue<Ranked> best = new PriorityQueue<>(limit + 1, ranking.reversed());
        EligibilityMatcher.Company company = EligibilityMatcher.Company.of(profile, today.getYear());
        EligibilityMatcher.Tally tally = EligibilityMatcher.Tally.counting();
        for (CatalogueSnapshot.Entry entry : snapshot.published()) {
            boolean open = entry.isOpen(today);
            if (openOnly && !open) {
                continue;
            }
            EligibilityMatcher.tally(entry.conditions(), company, tally);
            Verdict verdict = tally.verdict();
            totals[verdict.ordinal()]++;
            long key = rankingKey(verdict, tally.failed(), tally.unknown(), tally.passed(), open);
            // A scheme whose key is worse than the worst kept cannot enter: decided without building its match.
            if (best.size() == limit && key > best.peek().key()) {
                continue;
            }
            Ranked ranked = new Ranked(entry, new SchemeMatch(entry.id(), entry.name(), entry.provider(), entry.level(),
                    entry.kind(), entry.pillars(), open, entry.nextDeadline(today), verdict, tally.passed(),
                    tally.failed(), tally.unknown(), List.of()), key);
            if (best.size() < limit) {
                best.add(ranked);
            } else if (ranking.compare(ranked, best.peek()) < 0) {
                best.poll();
                best.add(ranked);
            }
        }
        List<SchemeMatch> items = best.stream().sorted(ranking)
                .map(r -> match(r.entry(), EligibilityMatcher.check(r.entry().conditions(), company), today))
                .toList();
        Map<Verdict, Long> totalsByVerdict = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            totalsByVerdict.put(verdict, totals[verdict.ordinal()]);
        }
        return new MatchResult(profile, today, totalsByVerdict, items);
    }

    private record Ranked(CatalogueSnapshot.Entry entry, SchemeMatch match, long key) {
    }

    /** Verdict, failed, unknown, passed (more first) and open (first), in the order of {@link #RANKING}. */
    static long rankingKey(SchemeMatch match) {
        return rankingKey(match.verdict(), match.failed(), match.unknown(), match.passed(), match.open());
    }

    static long rankingKey(Verdict verdict, int failed, int unknown, int passed, boolean open) {
        return (long) verdict.ordinal() << 40 | (long) failed << 30 | (long) unknown << 20
                | (long) (1023 - passed) << 10 | (open ? 0 : 1);
    }

    static SchemeMatch match(CatalogueSnapshot.Entry entry, List<ConditionCheck> checks, LocalDate today) {
        int passed = 0;
        int failed = 0;
        int unknown = 0;
        for (ConditionCheck check : checks) {
            switch (check.outcome()) {
                case PASS -> passed++;
                case FAIL -> failed++;
                case UNKNOWN -> unknown++;
            }
        }
        return new SchemeMatch(entry.id(), entry.name(), entry.provider(), entry.level(), entry.kind(), entry.pillars(),
                entry.isOpen(today), entry.nextDeadline(today), Verdict.of(failed, unknown), passed, failed, unknown,
                checks);
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
