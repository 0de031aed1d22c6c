package fr.sudia.funding.eligibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Checks a scheme's conditions against a company profile. Pure and deterministic: the same conditions, profile
 * and year always give the same checks, in the order of {@link EligibilityConditions}' components.
 */
public final class EligibilityMatcher {

    /** The departments of the Région Provence-Alpes-Côte d'Azur. */
    public static final Set<String> REGION_SUD = Set.of("04", "05", "06", "13", "83", "84");

    private EligibilityMatcher() {
    }

    /** A profile with what follows from it alone, worked out once for a whole catalogue. */
    public record Company(CompanyProfile profile, int currentYear, Set<CompanyCategory> possibleCategories) {

        public static Company of(CompanyProfile profile, int currentYear) {
            return new Company(profile, currentYear, EligibilityMatcher.possibleCategories(profile));
        }
    }

    public static List<ConditionCheck> check(EligibilityConditions conditions, CompanyProfile profile, int currentYear) {
        return check(conditions, Company.of(profile, currentYear), true);
    }

    public static List<ConditionCheck> check(EligibilityConditions conditions, Company company) {
        return check(conditions, company, true);
    }

    /**
     * The same checks without their explanations (null): what ranking needs, without building the sentences of
     * schemes that will not be shown.
     */
    public static List<ConditionCheck> outcomes(EligibilityConditions conditions, Company company) {
        return check(conditions, company, false);
    }

    private static List<ConditionCheck> check(EligibilityConditions conditions, Company company, boolean explain) {
        CompanyProfile profile = company.profile();
        int currentYear = company.currentYear();
        Explainer x = new Explainer(explain);
        List<ConditionCheck> checks = new ArrayList<>();
        if (!isEmpty(conditions.companyCategories())) {
            checks.add(category(x, conditions.companyCategories(), company.possibleCategories()));
        }
        if (conditions.minAgeYears() != null || conditions.maxAgeYears() != null) {
            checks.add(age(x, conditions.minAgeYears(), conditions.maxAgeYears(), profile.foundedYear(), currentYear));
        }
        if (!isEmpty(conditions.legalForms())) {
            checks.add(oneOf(x, "legalForms", "legal form", conditions.legalForms(), profile.legalForm()));
        }
        if (!isEmpty(conditions.nafCodesAccepted())) {
            checks.add(nafAccepted(x, conditions.nafCodesAccepted(), profile.nafCode()));
        }
        if (!isEmpty(conditions.nafCodesExcluded())) {
            checks.add(nafExcluded(x, conditions.nafCodesExcluded(), profile.nafCode()));
        }
        if (conditions.inRegion() != null) {
            checks.add(inRegion(x, conditions.inRegion(), profile.department()));
        }
        if (!isEmpty(conditions.departments())) {
            checks.add(oneOf(x, "departments", "department", conditions.departments(), profile.department()));
        }
        if (!isEmpty(conditions.sectors())) {
            checks.add(overlap(x, "sectors", "sector", conditions.sectors(), profile.sectors()));
        }
        if (!isEmpty(conditions.strategicSectors())) {
            checks.add(overlap(x, "strategicSectors", "strategic sector", conditions.strategicSectors(),
                    profile.strategicSectors()));
        }
        if (!isEmpty(conditions.stages())) {
            checks.add(oneOf(x, "stages", "stage", conditions.stages(), profile.stage()));
        }
        if (Boolean.TRUE.equals(conditions.requiresLabel())) {
            checks.add(label(x, profile.holdsLabel()));
        }
        return checks;
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

    private static ConditionCheck category(Explainer x, Set<CompanyCategory> accepted, Set<CompanyCategory> possible) {
        if (accepted.containsAll(possible)) {
            return x.check("companyCategories", Outcome.PASS, () -> "The company is " + names(possible) + "; accepted: " + names(accepted) + ".");
        }
        if (possible.stream().noneMatch(accepted::contains)) {
            return x.check("companyCategories", Outcome.FAIL, () -> "The company is " + names(possible) + "; accepted: " + names(accepted) + ".");
        }
        return x.check("companyCategories", Outcome.UNKNOWN, () -> "With the figures given the company could be " + names(possible) + "; accepted: " + names(accepted)
                        + ". Give headcount, and turnover or balance-sheet total, to decide.");
    }

    private static ConditionCheck age(Explainer x, Integer min, Integer max, Integer foundedYear, int currentYear) {
        if (foundedYear == null) {
            return x.check("age", Outcome.UNKNOWN, () -> "Age must be " + range(min, max) + "; the founding year is not known.");
        }
        int age = currentYear - foundedYear;
        boolean ok = (min == null || age >= min) && (max == null || age <= max);
        return x.check("age", ok ? Outcome.PASS : Outcome.FAIL, () -> "The company is " + age + " year(s) old (founded " + foundedYear + "); required: " + range(min, max) + ".");
    }

    private static ConditionCheck nafAccepted(Explainer x, List<String> accepted, String nafCode) {
        if (nafCode == null) {
            return x.check("nafCodesAccepted", Outcome.UNKNOWN, () -> "Accepted NAF codes: " + String.join(", ", accepted) + "; the company's NAF code is not known.");
        }
        boolean ok = accepted.stream().anyMatch(code -> NafCodes.covers(code, nafCode));
        return x.check("nafCodesAccepted", ok ? Outcome.PASS : Outcome.FAIL, () -> "NAF code " + nafCode + (ok ? " is" : " is not") + " among the accepted " + String.join(", ", accepted) + ".");
    }

    private static ConditionCheck nafExcluded(Explainer x, List<String> excluded, String nafCode) {
        if (nafCode == null) {
            return x.check("nafCodesExcluded", Outcome.UNKNOWN, () -> "Excluded NAF codes: " + String.join(", ", excluded) + "; the company's NAF code is not known.");
        }
        boolean hit = excluded.stream().anyMatch(code -> NafCodes.covers(code, nafCode));
        return x.check("nafCodesExcluded", hit ? Outcome.FAIL : Outcome.PASS, () -> "NAF code " + nafCode + (hit ? " is" : " is not") + " among the excluded " + String.join(", ", excluded) + ".");
    }

    private static ConditionCheck inRegion(Explainer x, boolean required, String department) {
        if (department == null) {
            return x.check("inRegion", Outcome.UNKNOWN, () -> "The company's department is not known.");
        }
        boolean inside = REGION_SUD.contains(department);
        boolean ok = inside == required;
        return x.check("inRegion", ok ? Outcome.PASS : Outcome.FAIL, () -> "Department " + department
                + (inside ? " is" : " is not") + " in the Région Sud; the scheme requires a company "
                + (required ? "in" : "outside") + " the region.");
    }

    private static <T> ConditionCheck oneOf(Explainer x, String condition, String what, Collection<T> accepted, T value) {
        if (value == null) {
            return x.check(condition, Outcome.UNKNOWN, () -> "Accepted " + what + ": " + names(accepted)
                    + "; the company's " + what + " is not known.");
        }
        boolean ok = accepted.contains(value);
        return x.check(condition, ok ? Outcome.PASS : Outcome.FAIL, () -> "The company's " + what + " " + value
                + (ok ? " is" : " is not") + " among " + names(accepted) + ".");
    }

    private static <T> ConditionCheck overlap(Explainer x, String condition, String what, Set<T> accepted, Set<T> values) {
        if (isEmpty(values)) {
            return x.check(condition, Outcome.UNKNOWN, () -> "Accepted " + what + "s: " + names(accepted)
                    + "; the company's " + what + "s are not known.");
        }
        return values.stream().noneMatch(accepted::contains)
                ? x.check(condition, Outcome.FAIL, () -> "None of the company's " + what + "s (" + names(values)
                        + ") is among " + names(accepted) + ".")
                : x.check(condition, Outcome.PASS, () -> "The company works in " + values.stream()
                        .filter(accepted::contains).map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ".");
    }

    private static ConditionCheck label(Explainer x, Boolean holdsLabel) {
        if (holdsLabel == null) {
            return x.check("requiresLabel", Outcome.UNKNOWN, () -> "The scheme requires the Sud IA label; whether the company holds it is not known.");
        }
        return holdsLabel
                ? x.check("requiresLabel", Outcome.PASS, () -> "The company holds a valid Sud IA label.")
                : x.check("requiresLabel", Outcome.FAIL, () -> "The scheme requires the Sud IA label (signed ethical charter); the company does not hold a valid one.");
    }

    private static String range(Integer min, Integer max) {
        return (min != null ? "at least " + min + " year(s)" : "") + (min != null && max != null ? " and " : "")
                + (max != null ? "at most " + max + " year(s)" : "");
    }

    /** Builds a check, with its sentence only when it is to be shown. */
    private record Explainer(boolean explain) {
        ConditionCheck check(String condition, Outcome outcome, Supplier<String> explanation) {
            return new ConditionCheck(condition, outcome, explain ? explanation.get() : null);
        }
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
