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
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;
import fr.sudia.platform.concurrency.Versions;

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
        KnownOrganization known = knownOrganization(organizationId);
        return profileOf(known, BeneficiaryDetails.findById(organizationId));
    }

    /** The profile of a directory organization from its read-model row and what its applicant completed (or null). */
    static CompanyProfile profileOf(KnownOrganization known, BeneficiaryDetails details) {
        BeneficiaryType type = typeOf(known, details);
        CompanyProfile profile = new CompanyProfile(null, known(HeadcountBand.class, known.headcountBand), null, null,
                known.foundedYear, null, NafCodes.isKnown(known.nafCode) ? known.nafCode : null, known.department,
                known(Sector.class, known.sectors), known(StrategicSector.class, known.strategicSectors), null,
                known.holdsLabel());
        if (details == null) {
            return profile.withBeneficiary(type, null, null, null, null, null);
        }
        boolean localAuthority = type == BeneficiaryType.LOCAL_AUTHORITY;
        return profile.withBeneficiary(type, localAuthority ? details.localAuthorityKind : null,
                localAuthority ? details.population : null, localAuthority ? details.densityLevel : null,
                type == BeneficiaryType.TRAINING_BODY ? details.qualiopiCertified : null, null);
    }

    /** An organization's beneficiary facts: the directory's kind, completed by its applicant. */
    @Transactional
    public BeneficiaryDetailsRead beneficiary(UUID organizationId) {
        KnownOrganization known = knownOrganization(organizationId);
        BeneficiaryDetails details = BeneficiaryDetails.findById(organizationId);
        return new BeneficiaryDetailsRead(view(known, details), details == null ? null : details.version);
    }

    /** The view and, once the applicant completed it, the version (ETag) of the completion. */
    public record BeneficiaryDetailsRead(BeneficiaryView view, Long version) {
    }

    /**
     * The applicant completes its organization's entry. The type must agree with the directory's kind when that tells
     * one; a type's facts need that type. The first completion needs no If-Match; a change needs the version read.
     */
    @Transactional
    public BeneficiaryDetailsRead complete(UUID organizationId, BeneficiaryInput input, Long expectedVersion, String by) {
        KnownOrganization known = knownOrganization(organizationId);
        BeneficiaryType directoryType = BeneficiaryType.ofDirectoryKind(known.kind);
        if (directoryType != null && input.beneficiaryType() != null && input.beneficiaryType() != directoryType) {
            throw new BadRequestException("beneficiaryType: the directory lists this organization as " + known.kind
                    + ", which is " + directoryType.words() + "; correct the directory entry to change it.");
        }
        BeneficiaryType type = directoryType != null ? directoryType : input.beneficiaryType();
        if (type != BeneficiaryType.LOCAL_AUTHORITY
                && (input.localAuthorityKind() != null || input.population() != null || input.densityLevel() != null)) {
            throw new BadRequestException("localAuthorityKind, population and densityLevel describe a local authority; "
                    + "this organization is " + (type == null ? "of no known type (give beneficiaryType)" : type.words()) + ".");
        }
        if (type != BeneficiaryType.TRAINING_BODY && input.qualiopiCertified() != null) {
            throw new BadRequestException("qualiopiCertified describes a training body; this organization is "
                    + (type == null ? "of no known type (give beneficiaryType)" : type.words()) + ".");
        }
        BeneficiaryDetails details = BeneficiaryDetails.findById(organizationId);
        if (details == null) {
            if (expectedVersion != null) {
                throw new ClientErrorException("Organization " + organizationId + " has not been completed yet: send no "
                        + "If-Match for the first completion.", Status.PRECONDITION_FAILED);
            }
            details = new BeneficiaryDetails();
            details.organizationId = organizationId;
        } else {
            if (expectedVersion == null) {
                Versions.requireIfMatch(null);
            }
            Versions.requireCurrent("The beneficiary facts of organization " + organizationId, details.version, expectedVersion);
        }
        details.beneficiaryType = input.beneficiaryType();
        details.localAuthorityKind = input.localAuthorityKind();
        details.population = input.population();
        details.densityLevel = input.densityLevel();
        details.qualiopiCertified = input.qualiopiCertified();
        details.updatedAt = time.now();
        details.updatedBy = by;
        details.persist();
        details.flush();
        return new BeneficiaryDetailsRead(view(known, details), details.version);
    }

    private static BeneficiaryView view(KnownOrganization known, BeneficiaryDetails details) {
        BeneficiaryType type = typeOf(known, details);
        return new BeneficiaryView(known.id, known.kind, BeneficiaryType.ofDirectoryKind(known.kind), type,
                details == null ? null : details.localAuthorityKind, details == null ? null : details.population,
                details == null ? null : details.densityLevel,
                details == null || details.densityLevel == null ? null : details.densityLevel.rural(),
                details == null ? null : details.qualiopiCertified, details == null ? null : details.updatedAt);
    }

    /**
     * What the desk knows of an organization's beneficiary type (the directory's kind, else what its applicant
     * completed), or null when it knows nothing yet.
     */
    public BeneficiaryType knownType(UUID organizationId) {
        return KnownOrganization.<KnownOrganization>findByIdOptional(organizationId)
                .filter(KnownOrganization::isInDirectory)
                .map(known -> typeOf(known, BeneficiaryDetails.findById(organizationId)))
                .orElse(null);
    }

    private static BeneficiaryType typeOf(KnownOrganization known, BeneficiaryDetails details) {
        BeneficiaryType fromDirectory = BeneficiaryType.ofDirectoryKind(known.kind);
        return fromDirectory != null ? fromDirectory : details == null ? null : details.beneficiaryType;
    }

    private static KnownOrganization knownOrganization(UUID organizationId) {
        return KnownOrganization.<KnownOrganization>findByIdOptional(organizationId)
                .filter(KnownOrganization::isInDirectory)
                .orElseThrow(() -> new NotFoundException("Organization " + organizationId
                        + " is not known to the desk (the directory's events may not have arrived yet)."));
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
