package fr.sudia.funding.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.sudia.funding.directory.KnownOrganization;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
     * name and id, so that the order is total and the same profile always gets the same list. Matching computes
     * it as a {@link RankingKey}.
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
        return rank(snapshot.published(), profile, openOnly, limit);
    }

    /**
     * The same, without blocking the calling thread: matched in place from the copy in memory when it can be
     * trusted (almost every call: the matching itself is pure computation), on a worker thread when the table must
     * be read first.
     */
    public Uni<MatchResult> matchWithoutBlocking(CompanyProfile profile, boolean openOnly, int limit) {
        List<CatalogueSnapshot.Entry> trusted = snapshot.trusted();
        if (trusted != null) {
            return Uni.createFrom().item(rank(trusted, profile, openOnly, limit));
        }
        return Uni.createFrom().item(() -> match(profile, openOnly, limit))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Ranks on the outcomes alone, each scheme reduced to its {@link RankingKey}, and keeps the best {@code limit}
     * in a heap whose head is the worst of them rather than sorting all ({@link SmallestKeys}); then writes the
     * explanations of those only.
     *
     * @param published the catalogue sorted by name then id, as the keys' positions require
     */
    private MatchResult rank(List<CatalogueSnapshot.Entry> published, CompanyProfile profile, boolean openOnly,
            int limit) {
        LocalDate today = time.today();
        long[] totals = new long[Verdict.values().length];
        SmallestKeys best = new SmallestKeys(limit);
        EligibilityMatcher.Company company = EligibilityMatcher.Company.of(profile, today.getYear());
        EligibilityMatcher.Tally tally = EligibilityMatcher.Tally.counting();
        CatalogueSnapshot.Dates dates = snapshot.datesOf(published, today);
        boolean[] open = dates.open();
        long[] rankingPart = dates.rankingPart();
        for (int position = 0; position < published.size(); position++) {
            if (openOnly && !open[position]) {
                continue;
            }
            EligibilityMatcher.tally(published.get(position).conditions(), company, tally);
            Verdict verdict = tally.verdict();
            totals[verdict.ordinal()]++;
            best.offer(RankingKey.of(verdict, tally.failed(), tally.unknown(), tally.passed(), rankingPart[position]));
        }
        List<SchemeMatch> items = new ArrayList<>(Math.min(limit, published.size()));
        for (long key : best.sorted()) {
            CatalogueSnapshot.Entry entry = published.get(RankingKey.position(key));
            items.add(match(entry, EligibilityMatcher.check(entry.conditions(), company), today));
        }
        Map<Verdict, Long> totalsByVerdict = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            totalsByVerdict.put(verdict, totals[verdict.ordinal()]);
        }
        return new MatchResult(profile, today, totalsByVerdict, items);
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
