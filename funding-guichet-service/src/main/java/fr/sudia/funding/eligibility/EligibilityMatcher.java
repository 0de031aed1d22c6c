package fr.sudia.funding.eligibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

    /** A profile with what follows from it alone, worked out once for a whole catalogue. */
    public record Company(CompanyProfile profile, int currentYear, Set<CompanyCategory> possibleCategories) {

        public static Company of(CompanyProfile profile, int currentYear) {
            return new Company(profile, currentYear, EligibilityMatcher.possibleCategories(profile));
        }
    }

    public static List<ConditionCheck> check(EligibilityConditions conditions, CompanyProfile profile, int currentYear) {
        return check(conditions, Company.of(profile, currentYear));
    }

    /** Every condition's outcome with the reason in words, in the order of {@link EligibilityConditions}. */
    public static List<ConditionCheck> check(EligibilityConditions conditions, Company company) {
        Tally tally = Tally.explaining();
        evaluate(conditions, company, tally);
        return tally.checks();
    }

    /**
     * The outcomes alone, counted into {@code tally} (reset first): what ranking needs, without a sentence or an
     * object per condition, since it runs for every scheme of the catalogue on every call.
     */
    public static Tally tally(EligibilityConditions conditions, Company company, Tally tally) {
        tally.reset();
        evaluate(conditions, company, tally);
        return tally;
    }

    /** The one place that decides which conditions apply and how each one fares. */
    private static void evaluate(EligibilityConditions conditions, Company company, Tally tally) {
        CompanyProfile profile = company.profile();
        tally.explainFor(conditions, company);
        if (!isEmpty(conditions.companyCategories())) {
            tally.record(Condition.COMPANY_CATEGORIES, category(conditions.companyCategories(), company.possibleCategories()));
        }
        if (conditions.minAgeYears() != null || conditions.maxAgeYears() != null) {
            tally.record(Condition.AGE, age(conditions.minAgeYears(), conditions.maxAgeYears(), profile.foundedYear(),
                    company.currentYear()));
        }
        if (!isEmpty(conditions.legalForms())) {
            tally.record(Condition.LEGAL_FORMS, oneOf(conditions.legalForms(), profile.legalForm()));
        }
        if (!isEmpty(conditions.nafCodesAccepted())) {
            tally.record(Condition.NAF_ACCEPTED, nafAccepted(conditions.nafCodesAccepted(), profile.nafCode()));
        }
        if (!isEmpty(conditions.nafCodesExcluded())) {
            tally.record(Condition.NAF_EXCLUDED, nafExcluded(conditions.nafCodesExcluded(), profile.nafCode()));
        }
        if (conditions.inRegion() != null) {
            tally.record(Condition.IN_REGION, inRegion(conditions.inRegion(), profile.department()));
        }
        if (!isEmpty(conditions.departments())) {
            tally.record(Condition.DEPARTMENTS, oneOf(conditions.departments(), profile.department()));
        }
        if (!isEmpty(conditions.sectors())) {
            tally.record(Condition.SECTORS, overlap(conditions.sectors(), profile.sectors()));
        }
        if (!isEmpty(conditions.strategicSectors())) {
            tally.record(Condition.STRATEGIC_SECTORS, overlap(conditions.strategicSectors(), profile.strategicSectors()));
        }
        if (!isEmpty(conditions.stages())) {
            tally.record(Condition.STAGES, oneOf(conditions.stages(), profile.stage()));
        }
        if (Boolean.TRUE.equals(conditions.requiresLabel())) {
            tally.record(Condition.REQUIRES_LABEL, label(profile.holdsLabel()));
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
                checks.add(new ConditionCheck(condition.field, outcome, condition.explain(outcome, conditions, company)));
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

    private static Outcome category(Set<CompanyCategory> accepted, Set<CompanyCategory> possible) {
        if (accepted.containsAll(possible)) {
            return Outcome.PASS;
        }
        for (CompanyCategory category : possible) {
            if (accepted.contains(category)) {
                return Outcome.UNKNOWN;
            }
        }
        return Outcome.FAIL;
    }

    private static Outcome age(Integer min, Integer max, Integer foundedYear, int currentYear) {
        if (foundedYear == null) {
            return Outcome.UNKNOWN;
        }
        int age = currentYear - foundedYear;
        return (min == null || age >= min) && (max == null || age <= max) ? Outcome.PASS : Outcome.FAIL;
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

    private static Outcome inRegion(boolean required, String department) {
        if (department == null) {
            return Outcome.UNKNOWN;
        }
        return REGION_SUD.contains(department) == required ? Outcome.PASS : Outcome.FAIL;
    }

    private static <T> Outcome oneOf(Collection<T> accepted, T value) {
        return value == null ? Outcome.UNKNOWN : accepted.contains(value) ? Outcome.PASS : Outcome.FAIL;
    }

    private static <T> Outcome overlap(Set<T> accepted, Set<T> values) {
        if (isEmpty(values)) {
            return Outcome.UNKNOWN;
        }
        for (T value : values) {
            if (accepted.contains(value)) {
                return Outcome.PASS;
            }
        }
        return Outcome.FAIL;
    }

    private static Outcome label(Boolean holdsLabel) {
        return holdsLabel == null ? Outcome.UNKNOWN : holdsLabel ? Outcome.PASS : Outcome.FAIL;
    }

    /** Each condition's name in {@link EligibilityConditions}, and how its outcome is said in words. */
    private enum Condition {
        COMPANY_CATEGORIES("companyCategories") {
            @Override
            String explain(Outcome outcome, EligibilityConditions c, Company company) {
                Set<CompanyCategory> possible = company.possibleCategories();
                return outcome == Outcome.UNKNOWN
                        ? "With the figures given the company could be " + names(possible) + "; accepted: "
                                + names(c.companyCategories()) + ". Give headcount, and turnover or balance-sheet total, to decide."
                        : "The company is " + names(possible) + "; accepted: " + names(c.companyCategories()) + ".";
            }
        },
        AGE("age") {
            @Override
            String explain(Outcome outcome, EligibilityConditions c, Company company) {
                Integer foundedYear = company.profile().foundedYear();
                String range = range(c.minAgeYears(), c.maxAgeYears());
                return foundedYear == null
                        ? "Age must be " + range + "; the founding year is not known."
                        : "The company is " + (company.currentYear() - foundedYear) + " year(s) old (founded " + foundedYear
                                + "); required: " + range + ".";
            }
        },
        LEGAL_FORMS("legalForms") {
            @Override
            String explain(Outcome outcome, EligibilityConditions c, Company company) {
                return oneOfSentence("legal form", c.legalForms(), company.profile().legalForm());
            }
        },
        NAF_ACCEPTED("nafCodesAccepted") {
            @Override
            String explain(Outcome outcome, EligibilityConditions c, Company company) {
                String nafCode = company.profile().nafCode();
                String accepted = String.join(", ", c.nafCodesAccepted());
                return nafCode == null
                        ? "Accepted NAF codes: " + accepted + "; the company's NAF code is not known."
                        : "NAF code " + nafCode + (outcome == Outcome.PASS ? " is" : " is not") + " among the accepted " + accepted + ".";
            }
        },
        NAF_EXCLUDED("nafCodesExcluded") {
            @Override
            String explain(Outcome outcome, EligibilityConditions c, Company company) {
                String nafCode = company.profile().nafCode();
                String excluded = String.join(", ", c.nafCodesExcluded());
                return nafCode == null
                        ? "Excluded NAF codes: " + excluded + "; the company's NAF code is not known."
                        : "NAF code " + nafCode + (outcome == Outcome.FAIL ? " is" : " is not") + " among the excluded " + excluded + ".";
            }
        },
        IN_REGION("inRegion") {
            @Override
            String explain(Outcome outcome, EligibilityConditions c, Company company) {
                String department = company.profile().department();
                if (department == null) {
                    return "The company's department is not known.";
                }
                return "Department " + department + (REGION_SUD.contains(department) ? " is" : " is not")
                        + " in the Région Sud; the scheme requires a company " + (c.inRegion() ? "in" : "outside") + " the region.";
            }
        },
        DEPARTMENTS("departments") {
            @Override
            String explain(Outcome outcome, EligibilityConditions c, Company company) {
                return oneOfSentence("department", c.departments(), company.profile().department());
            }
        },
        SECTORS("sectors") {
            @Override
            String explain(Outcome outcome, EligibilityConditions c, Company company) {
                return overlapSentence("sector", c.sectors(), company.profile().sectors());
            }
        },
        STRATEGIC_SECTORS("strategicSectors") {
            @Override
            String explain(Outcome outcome, EligibilityConditions c, Company company) {
                return overlapSentence("strategic sector", c.strategicSectors(), company.profile().strategicSectors());
            }
        },
        STAGES("stages") {
            @Override
            String explain(Outcome outcome, EligibilityConditions c, Company company) {
                return oneOfSentence("stage", c.stages(), company.profile().stage());
            }
        },
        REQUIRES_LABEL("requiresLabel") {
            @Override
            String explain(Outcome outcome, EligibilityConditions c, Company company) {
                return switch (outcome) {
                    case UNKNOWN -> "The scheme requires the Sud IA label; whether the company holds it is not known.";
                    case PASS -> "The company holds a valid Sud IA label.";
                    case FAIL -> "The scheme requires the Sud IA label (signed ethical charter); the company does not hold a valid one.";
                };
            }
        };

        final String field;

        Condition(String field) {
            this.field = field;
        }

        abstract String explain(Outcome outcome, EligibilityConditions conditions, Company company);
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
        List<String> common = values.stream().filter(accepted::contains).map(String::valueOf).sorted().toList();
        return common.isEmpty()
                ? "None of the company's " + what + "s (" + names(values) + ") is among " + names(accepted) + "."
                : "The company works in " + String.join(", ", common) + ".";
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
        return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static boolean isEmpty(Collection<?> values) {
        return values == null || values.isEmpty();
    }
}
