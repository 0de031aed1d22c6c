package fr.sudia.funding.eligibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a scheme's conditions against a company profile. Pure and deterministic: the same conditions, profile
 * and year always give the same checks, in the order of {@link EligibilityConditions}' components.
 */
public final class EligibilityMatcher {

    /** The departments of the Région Provence-Alpes-Côte d'Azur. */
    public static final Set<String> REGION_SUD = Set.of("04", "05", "06", "13", "83", "84");

    /** How many conditions a scheme can have at most: one of each kind. */
    static final int CONDITION_COUNT = Condition.values().length;

    private EligibilityMatcher() {
    }

    /**
     * A profile with what follows from it alone, worked out once for a whole catalogue: the categories it may fall
     * in, its age, whether it is in the region (null when not known), and its enum facts as bit masks (0 when not
     * known), which a scheme's {@link CompiledConditions} test with one AND each.
     */
    public record Company(CompanyProfile profile, int currentYear, Set<CompanyCategory> possibleCategories,
            long categories, Integer ageYears, Boolean inRegion, long legalForm, long sectors, long strategicSectors,
            long stage, BeneficiaryType type, long typeBit, long localAuthorityKind, Boolean rural, long individualStatus) {

        public static Company of(CompanyProfile profile, int currentYear) {
            Set<CompanyCategory> possible = EligibilityMatcher.possibleCategories(profile);
            return new Company(profile, currentYear, possible, EnumSets.mask(possible),
                    profile.foundedYear() == null ? null : currentYear - profile.foundedYear(),
                    profile.department() == null ? null : REGION_SUD.contains(profile.department()),
                    EnumSets.bit(profile.legalForm()), EnumSets.mask(profile.sectors()),
                    EnumSets.mask(profile.strategicSectors()), EnumSets.bit(profile.stage()), profile.beneficiaryType(),
                    EnumSets.bit(profile.beneficiaryType()), EnumSets.bit(profile.localAuthorityKind()),
                    profile.densityLevel() == null ? null : profile.densityLevel().rural(),
                    EnumSets.bit(profile.individualStatus()));
        }

        /** Whether the applicant is known to be of another type than {@code type}: that type's conditions then fail. */
        boolean knownNot(BeneficiaryType type) {
            return this.type != null && this.type != type;
        }
    }

    /**
     * A scheme's conditions as matching tests them, worked out once when the catalogue is loaded: the enum sets as
     * bit masks (0 when the condition does not apply), empty lists as null.
     */
    public record CompiledConditions(EligibilityConditions conditions, long categories, long legalForms,
            List<String> nafCodesAccepted, List<String> nafCodesExcluded, List<String> departments, long sectors,
            long strategicSectors, long stages, long beneficiaryTypes, long localAuthorityKinds, long individualStatuses) {

        public static CompiledConditions of(EligibilityConditions conditions) {
            return new CompiledConditions(conditions, EnumSets.mask(conditions.companyCategories()),
                    EnumSets.mask(conditions.legalForms()), orNull(conditions.nafCodesAccepted()),
                    orNull(conditions.nafCodesExcluded()), orNull(conditions.departments()),
                    EnumSets.mask(conditions.sectors()), EnumSets.mask(conditions.strategicSectors()),
                    EnumSets.mask(conditions.stages()), EnumSets.mask(conditions.beneficiaryTypes()),
                    EnumSets.mask(conditions.localAuthorityKinds()), EnumSets.mask(conditions.individualStatuses()));
        }

        private static List<String> orNull(List<String> values) {
            return isEmpty(values) ? null : List.copyOf(values);
        }
    }

    public static List<ConditionCheck> check(EligibilityConditions conditions, CompanyProfile profile, int currentYear) {
        return check(CompiledConditions.of(conditions), Company.of(profile, currentYear));
    }

    /** Every condition's outcome with the reason in words, in the order of {@link EligibilityConditions}. */
    public static List<ConditionCheck> check(CompiledConditions conditions, Company company) {
        Tally tally = Tally.explaining();
        evaluate(conditions, company, tally);
        return tally.checks();
    }

    /**
     * The outcomes alone, counted into {@code tally} (reset first): what ranking needs, without a sentence or an
     * object per condition, since it runs for every scheme of the catalogue on every call.
     */
    public static Tally tally(CompiledConditions conditions, Company company, Tally tally) {
        tally.reset();
        evaluate(conditions, company, tally);
        return tally;
    }

    /** The one place that decides which conditions apply and how each one fares. */
    private static void evaluate(CompiledConditions compiled, Company company, Tally tally) {
        EligibilityConditions conditions = compiled.conditions();
        CompanyProfile profile = company.profile();
        tally.explainFor(conditions, company);
        if (compiled.beneficiaryTypes() != 0) {
            tally.record(Condition.BENEFICIARY_TYPES, anyOf(compiled.beneficiaryTypes(), company.typeBit()));
        }
        if (compiled.categories() != 0) {
            tally.record(Condition.COMPANY_CATEGORIES, company.knownNot(BeneficiaryType.COMPANY) ? Outcome.FAIL
                    : category(compiled.categories(), company.categories()));
        }
        if (conditions.minAgeYears() != null || conditions.maxAgeYears() != null) {
            tally.record(Condition.AGE, age(conditions.minAgeYears(), conditions.maxAgeYears(), company.ageYears()));
        }
        boolean individual = company.type() == BeneficiaryType.INDIVIDUAL;
        if (compiled.legalForms() != 0) {
            tally.record(Condition.LEGAL_FORMS, individual ? Outcome.FAIL : anyOf(compiled.legalForms(), company.legalForm()));
        }
        if (compiled.nafCodesAccepted() != null) {
            tally.record(Condition.NAF_ACCEPTED, individual ? Outcome.FAIL
                    : nafAccepted(compiled.nafCodesAccepted(), profile.nafCode()));
        }
        if (compiled.nafCodesExcluded() != null) {
            tally.record(Condition.NAF_EXCLUDED, nafExcluded(compiled.nafCodesExcluded(), profile.nafCode()));
        }
        if (conditions.inRegion() != null) {
            tally.record(Condition.IN_REGION, inRegion(conditions.inRegion(), company.inRegion()));
        }
        if (compiled.departments() != null) {
            tally.record(Condition.DEPARTMENTS, oneOf(compiled.departments(), profile.department()));
        }
        if (compiled.sectors() != 0) {
            tally.record(Condition.SECTORS, anyOf(compiled.sectors(), company.sectors()));
        }
        if (compiled.strategicSectors() != 0) {
            tally.record(Condition.STRATEGIC_SECTORS, anyOf(compiled.strategicSectors(), company.strategicSectors()));
        }
        if (compiled.stages() != 0) {
            tally.record(Condition.STAGES, company.knownNot(BeneficiaryType.COMPANY) ? Outcome.FAIL
                    : anyOf(compiled.stages(), company.stage()));
        }
        if (Boolean.TRUE.equals(conditions.requiresLabel())) {
            tally.record(Condition.REQUIRES_LABEL, label(profile.holdsLabel()));
        }
        boolean notLocalAuthority = company.knownNot(BeneficiaryType.LOCAL_AUTHORITY);
        if (compiled.localAuthorityKinds() != 0) {
            tally.record(Condition.LOCAL_AUTHORITY_KINDS, notLocalAuthority ? Outcome.FAIL
                    : anyOf(compiled.localAuthorityKinds(), company.localAuthorityKind()));
        }
        if (conditions.minPopulation() != null || conditions.maxPopulation() != null) {
            tally.record(Condition.POPULATION, notLocalAuthority ? Outcome.FAIL
                    : within(conditions.minPopulation(), conditions.maxPopulation(), profile.population()));
        }
        if (conditions.rural() != null) {
            tally.record(Condition.RURAL, notLocalAuthority ? Outcome.FAIL : inRegion(conditions.rural(), company.rural()));
        }
        if (Boolean.TRUE.equals(conditions.requiresQualiopi())) {
            tally.record(Condition.REQUIRES_QUALIOPI, company.knownNot(BeneficiaryType.TRAINING_BODY) ? Outcome.FAIL
                    : label(profile.qualiopiCertified()));
        }
        if (compiled.individualStatuses() != 0) {
            tally.record(Condition.INDIVIDUAL_STATUSES, company.knownNot(BeneficiaryType.INDIVIDUAL) ? Outcome.FAIL
                    : anyOf(compiled.individualStatuses(), company.individualStatus()));
        }
    }

    /**
     * The outcomes of one scheme's conditions: counts, and the checks with their sentences when explaining. One
     * counting tally is reused across a whole catalogue.
     */
    public static final class Tally {
        private final List<ConditionCheck> checks;
        private EligibilityConditions conditions;
        private Company company;
        private int passed;
        private int failed;
        private int unknown;

        private Tally(List<ConditionCheck> checks) {
            this.checks = checks;
        }

        public static Tally counting() {
            return new Tally(null);
        }

        static Tally explaining() {
            return new Tally(new ArrayList<>());
        }

        void reset() {
            passed = failed = unknown = 0;
        }

        private void explainFor(EligibilityConditions conditions, Company company) {
            if (checks != null) {
                this.conditions = conditions;
                this.company = company;
            }
        }

        private void record(Condition condition, Outcome outcome) {
            switch (outcome) {
                case PASS -> passed++;
                case FAIL -> failed++;
                case UNKNOWN -> unknown++;
            }
            if (checks != null) {
                checks.add(new ConditionCheck(condition.field, outcome, explain(condition, outcome, conditions, company)));
            }
        }

        public int passed() {
            return passed;
        }

        public int failed() {
            return failed;
        }

        public int unknown() {
            return unknown;
        }

        public Verdict verdict() {
            return Verdict.of(failed, unknown);
        }

        List<ConditionCheck> checks() {
            return checks;
        }
    }

    /**
     * The categories the company may belong to, given what is known: exact figures give one category; a band,
     * or missing turnover and balance sheet, leave several possible.
     */
    public static Set<CompanyCategory> possibleCategories(CompanyProfile profile) {
        int minHeadcount;
        int maxHeadcount;
        if (profile.headcount() != null) {
            minHeadcount = maxHeadcount = profile.headcount();
        } else if (profile.headcountBand() != null) {
            minHeadcount = profile.headcountBand().min;
            maxHeadcount = profile.headcountBand().max;
        } else {
            return EnumSet.allOf(CompanyCategory.class);
        }
        Set<CompanyCategory> possible = EnumSet.noneOf(CompanyCategory.class);
        for (long headcount : candidates(minHeadcount, maxHeadcount, headcountThresholds())) {
            for (long turnover : financialCandidates(profile.annualTurnoverEur(), true)) {
                for (long balance : financialCandidates(profile.balanceSheetTotalEur(), false)) {
                    possible.add(CompanyCategory.of(headcount, turnover, balance));
                }
            }
        }
        return possible;
    }

    /** Passes when every category the company may be in is accepted; unknown when only some are. */
    private static Outcome category(long accepted, long possible) {
        if ((possible & ~accepted) == 0) {
            return Outcome.PASS;
        }
        return (possible & accepted) != 0 ? Outcome.UNKNOWN : Outcome.FAIL;
    }

    private static Outcome age(Integer min, Integer max, Integer ageYears) {
        if (ageYears == null) {
            return Outcome.UNKNOWN;
        }
        int age = ageYears;
        return (min == null || age >= min) && (max == null || age <= max) ? Outcome.PASS : Outcome.FAIL;
    }

    private static Outcome within(Integer min, Integer max, Integer value) {
        if (value == null) {
            return Outcome.UNKNOWN;
        }
        return (min == null || value >= min) && (max == null || value <= max) ? Outcome.PASS : Outcome.FAIL;
    }

    private static Outcome nafAccepted(List<String> accepted, String nafCode) {
        return nafCode == null ? Outcome.UNKNOWN : coversAny(accepted, nafCode) ? Outcome.PASS : Outcome.FAIL;
    }

    private static Outcome nafExcluded(List<String> excluded, String nafCode) {
        return nafCode == null ? Outcome.UNKNOWN : coversAny(excluded, nafCode) ? Outcome.FAIL : Outcome.PASS;
    }

    private static boolean coversAny(List<String> conditionCodes, String nafCode) {
        for (String code : conditionCodes) {
            if (NafCodes.covers(code, nafCode)) {
                return true;
            }
        }
        return false;
    }

    private static Outcome inRegion(boolean required, Boolean inRegion) {
        if (inRegion == null) {
            return Outcome.UNKNOWN;
        }
        return inRegion == required ? Outcome.PASS : Outcome.FAIL;
    }

    private static <T> Outcome oneOf(Collection<T> accepted, T value) {
        return value == null ? Outcome.UNKNOWN : accepted.contains(value) ? Outcome.PASS : Outcome.FAIL;
    }

    /** Whether the company's values (a bit mask, 0 when not known) include one accepted. */
    private static Outcome anyOf(long accepted, long values) {
        if (values == 0) {
            return Outcome.UNKNOWN;
        }
        return (accepted & values) != 0 ? Outcome.PASS : Outcome.FAIL;
    }

    private static Outcome label(Boolean holdsLabel) {
        return holdsLabel == null ? Outcome.UNKNOWN : holdsLabel ? Outcome.PASS : Outcome.FAIL;
    }

    /** The kinds of condition, by their names in {@link EligibilityConditions}. */
    private enum Condition {
        BENEFICIARY_TYPES("beneficiaryTypes"), COMPANY_CATEGORIES("companyCategories"), AGE("age"), LEGAL_FORMS("legalForms"), NAF_ACCEPTED("nafCodesAccepted"),
        NAF_EXCLUDED("nafCodesExcluded"), IN_REGION("inRegion"), DEPARTMENTS("departments"), SECTORS("sectors"),
        STRATEGIC_SECTORS("strategicSectors"), STAGES("stages"), REQUIRES_LABEL("requiresLabel"),
        LOCAL_AUTHORITY_KINDS("localAuthorityKinds"), POPULATION("population"), RURAL("rural"),
        REQUIRES_QUALIOPI("requiresQualiopi"), INDIVIDUAL_STATUSES("individualStatuses");

        final String field;

        Condition(String field) {
            this.field = field;
        }
    }

    /** A condition's outcome said in words. */
    private static String explain(Condition condition, Outcome outcome, EligibilityConditions c, Company company) {
        CompanyProfile profile = company.profile();
        String other = otherType(condition, c, company);
        if (other != null) {
            return other;
        }
        return switch (condition) {
            case BENEFICIARY_TYPES -> company.type() == null
                    ? "Accepted: " + typeWords(c.beneficiaryTypes()) + "; the applicant's type is not known."
                    : "The applicant is " + company.type().words() + (outcome == Outcome.PASS ? ", " : ", not ")
                            + "among the accepted: " + typeWords(c.beneficiaryTypes()) + ".";
            case LOCAL_AUTHORITY_KINDS -> profile.localAuthorityKind() == null
                    ? "Accepted local authorities: " + names(c.localAuthorityKinds()) + "; the applicant's tier (commune, "
                            + "EPCI, department) is not known."
                    : "The local authority is a " + profile.localAuthorityKind() + (outcome == Outcome.PASS ? ", " : ", not ")
                            + "among " + names(c.localAuthorityKinds()) + ".";
            case POPULATION -> profile.population() == null
                    ? "Population must be " + between(c.minPopulation(), c.maxPopulation()) + "; the population is not known."
                    : "Population " + profile.population() + (outcome == Outcome.PASS ? " is " : " is not ")
                            + between(c.minPopulation(), c.maxPopulation()) + ".";
            case RURAL -> profile.densityLevel() == null
                    ? "The scheme is for " + (c.rural() ? "rural" : "urban") + " territories; the level in INSEE's density "
                            + "grid is not known."
                    : "INSEE's density grid rates the territory " + profile.densityLevel().inseeWords + ", so "
                            + (profile.densityLevel().rural() ? "rural" : "urban") + "; the scheme is for "
                            + (c.rural() ? "rural" : "urban") + " territories.";
            case REQUIRES_QUALIOPI -> switch (outcome) {
                case UNKNOWN -> "The scheme requires the Qualiopi certification; whether the training body holds it is not known.";
                case PASS -> "The training body holds the Qualiopi certification.";
                case FAIL -> "The scheme requires the Qualiopi certification; the training body does not hold it.";
            };
            case INDIVIDUAL_STATUSES -> profile.individualStatus() == null
                    ? "Accepted: " + names(c.individualStatuses()) + "; the applicant's status is not known."
                    : "The applicant is a " + profile.individualStatus() + (outcome == Outcome.PASS ? ", " : ", not ")
                            + "among " + names(c.individualStatuses()) + ".";
            case COMPANY_CATEGORIES -> outcome == Outcome.UNKNOWN
                    ? "With the figures given the company could be " + names(company.possibleCategories()) + "; accepted: "
                            + names(c.companyCategories()) + ". Give headcount, and turnover or balance-sheet total, to decide."
                    : "The company is " + names(company.possibleCategories()) + "; accepted: " + names(c.companyCategories()) + ".";
            case AGE -> profile.foundedYear() == null
                    ? "Age must be " + range(c.minAgeYears(), c.maxAgeYears()) + "; the founding year is not known."
                    : "The company is " + (company.currentYear() - profile.foundedYear()) + " year(s) old (founded "
                            + profile.foundedYear() + "); required: " + range(c.minAgeYears(), c.maxAgeYears()) + ".";
            case LEGAL_FORMS -> oneOfSentence("legal form", c.legalForms(), profile.legalForm());
            case NAF_ACCEPTED -> profile.nafCode() == null
                    ? "Accepted NAF codes: " + String.join(", ", c.nafCodesAccepted()) + "; the company's NAF code is not known."
                    : "NAF code " + profile.nafCode() + (outcome == Outcome.PASS ? " is" : " is not") + " among the accepted "
                            + String.join(", ", c.nafCodesAccepted()) + ".";
            case NAF_EXCLUDED -> profile.nafCode() == null
                    ? "Excluded NAF codes: " + String.join(", ", c.nafCodesExcluded()) + "; the company's NAF code is not known."
                    : "NAF code " + profile.nafCode() + (outcome == Outcome.FAIL ? " is" : " is not") + " among the excluded "
                            + String.join(", ", c.nafCodesExcluded()) + ".";
            case IN_REGION -> profile.department() == null
                    ? "The company's department is not known."
                    : "Department " + profile.department() + (REGION_SUD.contains(profile.department()) ? " is" : " is not")
                            + " in the Région Sud; the scheme requires a company " + (c.inRegion() ? "in" : "outside") + " the region.";
            case DEPARTMENTS -> oneOfSentence("department", c.departments(), profile.department());
            case SECTORS -> overlapSentence("sector", c.sectors(), profile.sectors());
            case STRATEGIC_SECTORS -> overlapSentence("strategic sector", c.strategicSectors(), profile.strategicSectors());
            case STAGES -> oneOfSentence("stage", c.stages(), profile.stage());
            case REQUIRES_LABEL -> switch (outcome) {
                case UNKNOWN -> "The scheme requires the Sud IA label; whether the company holds it is not known.";
                case PASS -> "The company holds a valid Sud IA label.";
                case FAIL -> "The scheme requires the Sud IA label (signed ethical charter); the company does not hold a valid one.";
            };
        };
    }

    /**
     * The sentence of a condition about one beneficiary type (or about companies' facts) checked against an applicant
     * known to be of another type; null when the condition is checked on its own facts.
     */
    private static String otherType(Condition condition, EligibilityConditions c, Company company) {
        if (company.type() == null) {
            return null;
        }
        BeneficiaryType about = switch (condition) {
            case COMPANY_CATEGORIES, STAGES -> BeneficiaryType.COMPANY;
            case LOCAL_AUTHORITY_KINDS, POPULATION, RURAL -> BeneficiaryType.LOCAL_AUTHORITY;
            case REQUIRES_QUALIOPI -> BeneficiaryType.TRAINING_BODY;
            case INDIVIDUAL_STATUSES -> BeneficiaryType.INDIVIDUAL;
            default -> null;
        };
        if (about != null && company.type() != about) {
            return "The scheme's condition " + condition.field + " is for " + about.words() + "; the applicant is "
                    + company.type().words() + ".";
        }
        if (company.type() == BeneficiaryType.INDIVIDUAL && condition == Condition.LEGAL_FORMS) {
            return "The scheme requires a legal form among " + names(c.legalForms()) + "; an individual has none.";
        }
        if (company.type() == BeneficiaryType.INDIVIDUAL && condition == Condition.NAF_ACCEPTED) {
            return "The scheme requires a NAF code among " + String.join(", ", c.nafCodesAccepted()) + "; an individual has none.";
        }
        return null;
    }

    private static String oneOfSentence(String what, Collection<?> accepted, Object value) {
        if (value == null) {
            return "Accepted " + what + ": " + names(accepted) + "; the company's " + what + " is not known.";
        }
        return "The company's " + what + " " + value + (accepted.contains(value) ? " is" : " is not") + " among "
                + names(accepted) + ".";
    }

    private static <T> String overlapSentence(String what, Set<T> accepted, Set<T> values) {
        if (isEmpty(values)) {
            return "Accepted " + what + "s: " + names(accepted) + "; the company's " + what + "s are not known.";
        }
        List<T> common = new ArrayList<>(values.size());
        for (T value : values) {
            if (accepted.contains(value)) {
                common.add(value);
            }
        }
        return common.isEmpty()
                ? "None of the company's " + what + "s (" + names(values) + ") is among " + names(accepted) + "."
                : "The company works in " + names(common) + ".";
    }

    private static String between(Integer min, Integer max) {
        return (min != null ? "at least " + min : "") + (min != null && max != null ? " and " : "")
                + (max != null ? "at most " + max : "");
    }

    private static String typeWords(Collection<BeneficiaryType> types) {
        List<String> words = new ArrayList<>(types.size());
        for (BeneficiaryType type : types) {
            words.add(type.words());
        }
        return String.join(", ", words);
    }

    private static String range(Integer min, Integer max) {
        return (min != null ? "at least " + min + " year(s)" : "") + (min != null && max != null ? " and " : "")
                + (max != null ? "at most " + max + " year(s)" : "");
    }

    private static long[] headcountThresholds() {
        return new long[] { 9, 10, 249, 250, 4999, 5000 };
    }

    /** The ends of a range and every category boundary inside it: enough to reach every category it spans. */
    private static Set<Long> candidates(long min, long max, long[] thresholds) {
        Set<Long> values = new TreeSet<>(List.of(min, max));
        for (long threshold : thresholds) {
            if (threshold > min && threshold < max) {
                values.add(threshold);
            }
        }
        return values;
    }

    /** A known figure, or one value inside each band of the categories' ceilings when it is not known. */
    private static Set<Long> financialCandidates(Long known, boolean turnover) {
        if (known != null) {
            return Set.of(known);
        }
        Set<Long> values = new TreeSet<>();
        values.add(0L);
        for (CompanyCategory category : CompanyCategory.values()) {
            long ceiling = turnover ? category.turnoverAtMost : category.balanceSheetAtMost;
            if (ceiling < Long.MAX_VALUE) {
                values.add(ceiling + 1);
            }
        }
        return values;
    }

    private static String names(Collection<?> values) {
        String[] names = new String[values.size()];
        int i = 0;
        for (Object value : values) {
            names[i++] = String.valueOf(value);
        }
        Arrays.sort(names);
        return String.join(", ", names);
    }

    private static boolean isEmpty(Collection<?> values) {
        return values == null || values.isEmpty();
    }
}
