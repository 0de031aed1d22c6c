package fr.sudia.funding.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The matching rules, without a container: conditions against profiles, one outcome per condition. */
class EligibilityMatcherTest {

    private static final int YEAR = 2026;

    @Test
    void theEuSmeDefinitionDecidesTheCategoryFromHeadcountAndEitherFinancialCeiling() {
        assertEquals(CompanyCategory.TPE, CompanyCategory.of(9, 2_000_000, 50_000_000));
        assertEquals(CompanyCategory.TPE, CompanyCategory.of(9, 90_000_000, 2_000_000), "balance sheet alone suffices");
        assertEquals(CompanyCategory.PME, CompanyCategory.of(10, 1_000_000, 1_000_000));
        assertEquals(CompanyCategory.PME, CompanyCategory.of(9, 3_000_000, 3_000_000), "over both micro ceilings");
        assertEquals(CompanyCategory.PME, CompanyCategory.of(249, 60_000_000, 43_000_000));
        assertEquals(CompanyCategory.ETI, CompanyCategory.of(250, 1_000_000, 1_000_000));
        assertEquals(CompanyCategory.ETI, CompanyCategory.of(200, 60_000_000, 44_000_000), "over both SME ceilings");
        assertEquals(CompanyCategory.GE, CompanyCategory.of(5_000, 1, 1));
        assertEquals(CompanyCategory.GE, CompanyCategory.of(300, 2_000_000_000L, 3_000_000_000L));
    }

    @Test
    void missingFiguresLeaveEveryCategoryTheyAllow() {
        assertEquals(EnumSet.allOf(CompanyCategory.class), EligibilityMatcher.possibleCategories(profile().build()));
        assertEquals(EnumSet.of(CompanyCategory.TPE), EligibilityMatcher.possibleCategories(profile().headcount(5).turnover(300_000L).build()));
        assertEquals(EnumSet.allOf(CompanyCategory.class), EligibilityMatcher.possibleCategories(profile().headcount(5).build()),
                "5 people with unknown finances may still exceed every ceiling");
        assertEquals(EnumSet.of(CompanyCategory.ETI, CompanyCategory.GE),
                EligibilityMatcher.possibleCategories(profile().band(HeadcountBand.FROM_250_TO_4999).build()));
        assertEquals(EnumSet.of(CompanyCategory.TPE, CompanyCategory.PME),
                EligibilityMatcher.possibleCategories(profile().band(HeadcountBand.FROM_1_TO_9).turnover(30_000_000L).build()));
    }

    @Test
    void eachConditionPassesFailsOrIsUnknownWithItsReason() {
        EligibilityConditions conditions = new EligibilityConditions(EnumSet.of(CompanyCategory.TPE, CompanyCategory.PME), 1, 8,
                EnumSet.of(LegalForm.SAS, LegalForm.SASU), List.of("62", "63.11Z"), List.of("62.02A"), true, List.of("06", "83"),
                EnumSet.of(Sector.HEALTH), EnumSet.of(StrategicSector.HEALTH_THERAPIES), EnumSet.of(CompanyStage.SEED), true);

        List<ConditionCheck> nice = EligibilityMatcher.check(conditions, profile().headcount(5).turnover(300_000L).founded(2023)
                .legalForm(LegalForm.SAS).naf("62.01Z").department("06").sectors(Set.of(Sector.HEALTH, Sector.INDUSTRY))
                .stage(CompanyStage.SEED).label(false).build(), YEAR);
        assertEquals(List.of("companyCategories", "age", "legalForms", "nafCodesAccepted", "nafCodesExcluded", "inRegion",
                "departments", "sectors", "strategicSectors", "stages", "requiresLabel"),
                nice.stream().map(ConditionCheck::condition).toList(), "one check per condition, in a fixed order");
        assertEquals(List.of(Outcome.PASS, Outcome.PASS, Outcome.PASS, Outcome.PASS, Outcome.PASS, Outcome.PASS, Outcome.PASS,
                Outcome.PASS, Outcome.UNKNOWN, Outcome.PASS, Outcome.FAIL), outcomes(nice));
        assertTrue(nice.get(1).explanation().contains("3 year(s) old"), nice.get(1).explanation());
        assertTrue(nice.get(10).explanation().contains("does not hold"), nice.get(10).explanation());

        List<ConditionCheck> marseille = EligibilityMatcher.check(conditions, profile().headcount(300).turnover(80_000_000L)
                .founded(1998).naf("62.02A").department("13").label(true).build(), YEAR);
        assertEquals(List.of(Outcome.FAIL, Outcome.FAIL, Outcome.UNKNOWN, Outcome.PASS, Outcome.FAIL, Outcome.PASS, Outcome.FAIL,
                Outcome.UNKNOWN, Outcome.UNKNOWN, Outcome.UNKNOWN, Outcome.PASS), outcomes(marseille));

        List<ConditionCheck> paris = EligibilityMatcher.check(conditions, profile().department("75").build(), YEAR);
        assertEquals(Outcome.FAIL, paris.get(5).outcome());
        assertTrue(paris.get(5).explanation().contains("75 is not in the Région Sud"), paris.get(5).explanation());
        assertEquals(Outcome.UNKNOWN, paris.get(0).outcome());
    }

    @Test
    void noConditionsMeansNoChecksAndEligible() {
        assertEquals(List.of(), EligibilityMatcher.check(EligibilityConditions.NONE, profile().build(), YEAR));
        assertEquals(Verdict.ELIGIBLE, Verdict.of(0, 0));
        assertEquals(Verdict.POSSIBLY_ELIGIBLE, Verdict.of(0, 2));
        assertEquals(Verdict.NOT_ELIGIBLE, Verdict.of(1, 5));
    }

    @Test
    void aSchemeForCompaniesOutsideTheRegionFailsForARegionalOne() {
        EligibilityConditions outside = new EligibilityConditions(null, null, null, null, null, null, false, null, null, null, null, null);
        assertEquals(Outcome.FAIL, EligibilityMatcher.check(outside, profile().department("13").build(), YEAR).get(0).outcome());
        assertEquals(Outcome.PASS, EligibilityMatcher.check(outside, profile().department("69").build(), YEAR).get(0).outcome());
    }

    @Test
    void nafCodesAreCheckedForShapeAndDivision() {
        assertTrue(NafCodes.isKnown("62.01Z"));
        assertTrue(NafCodes.isKnown("62.01"));
        assertTrue(NafCodes.isKnown("62.0"));
        assertTrue(NafCodes.isKnown("62"));
        assertTrue(NafCodes.isKnown("01.11Z"));
        assertFalse(NafCodes.isKnown("04.11Z"), "division 04 does not exist");
        assertFalse(NafCodes.isKnown("34"), "division 34 does not exist");
        assertFalse(NafCodes.isKnown("6201Z"));
        assertFalse(NafCodes.isKnown("62.01z"));
        assertFalse(NafCodes.isKnown(null));
        assertTrue(NafCodes.covers("62", "62.01Z"));
        assertFalse(NafCodes.covers("62.02", "62.01Z"));
    }

    @Test
    void theSameInputsAlwaysGiveTheSameChecks() {
        EligibilityConditions conditions = new EligibilityConditions(EnumSet.of(CompanyCategory.PME), null, 10, null, null, null,
                true, null, EnumSet.of(Sector.HEALTH, Sector.ENERGY, Sector.MARITIME), null, null, true);
        CompanyProfile profile = profile().band(HeadcountBand.FROM_10_TO_49).founded(2020).department("83")
                .sectors(Set.of(Sector.MARITIME, Sector.ENERGY, Sector.AEROSPACE)).build();
        List<ConditionCheck> first = EligibilityMatcher.check(conditions, profile, YEAR);
        for (int i = 0; i < 20; i++) {
            assertEquals(first, EligibilityMatcher.check(conditions, profile, YEAR));
        }
        assertEquals("The company works in ENERGY, MARITIME.", first.get(3).explanation());
    }

    @Test
    void theCountsRankingUsesAreThoseOfTheExplainedChecksEvenWithAReusedTally() {
        EligibilityConditions conditions = new EligibilityConditions(EnumSet.of(CompanyCategory.TPE), 1, 8,
                EnumSet.of(LegalForm.SAS), List.of("62"), List.of("62.02A"), true, List.of("06"), EnumSet.of(Sector.HEALTH),
                EnumSet.of(StrategicSector.HEALTH_THERAPIES), EnumSet.of(CompanyStage.SEED), true);
        EligibilityConditions regionOnly = new EligibilityConditions(null, null, null, null, null, null, true, null, null,
                null, null, null);
        EligibilityMatcher.Tally tally = EligibilityMatcher.Tally.counting();
        for (CompanyProfile profile : List.of(profile().headcount(5).founded(2024).naf("62.02A").department("83").label(true).build(),
                profile().headcount(5).turnover(100_000L).founded(2020).legalForm(LegalForm.SAS).naf("62.01Z").department("06")
                        .sectors(Set.of(Sector.HEALTH)).stage(CompanyStage.SEED).label(true).build(),
                profile().build())) {
            EligibilityMatcher.Company company = EligibilityMatcher.Company.of(profile, YEAR);
            for (EligibilityConditions scheme : List.of(conditions, regionOnly, EligibilityConditions.NONE)) {
                EligibilityMatcher.CompiledConditions compiled = EligibilityMatcher.CompiledConditions.of(scheme);
                List<Outcome> explained = outcomes(EligibilityMatcher.check(compiled, company));
                EligibilityMatcher.tally(compiled, company, tally);
                assertEquals(Collections.frequency(explained, Outcome.PASS), tally.passed(), profile + " " + scheme);
                assertEquals(Collections.frequency(explained, Outcome.FAIL), tally.failed(), profile + " " + scheme);
                assertEquals(Collections.frequency(explained, Outcome.UNKNOWN), tally.unknown(), profile + " " + scheme);
            }
        }
    }

    /** The bit masks matching tests give the outcomes the documented set rules give, on random conditions. */
    @Test
    void enumConditionsFollowTheirSetRules() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            Set<CompanyCategory> categories = subset(random, CompanyCategory.class);
            Set<LegalForm> legalForms = subset(random, LegalForm.class);
            Set<Sector> sectors = subset(random, Sector.class);
            Set<CompanyStage> stages = subset(random, CompanyStage.class);
            EligibilityConditions conditions = new EligibilityConditions(categories, null, null, legalForms, null, null,
                    null, null, sectors, null, stages, null);
            Set<Sector> profileSectors = subset(random, Sector.class);
            Builder builder = profile().sectors(profileSectors);
            if (random.nextBoolean()) {
                builder.headcount(random.nextInt(6_000));
            }
            if (random.nextBoolean()) {
                builder.turnover((long) random.nextInt(100_000_000));
            }
            LegalForm legalForm = random.nextBoolean() ? pick(random, LegalForm.class) : null;
            CompanyStage stage = random.nextBoolean() ? pick(random, CompanyStage.class) : null;
            CompanyProfile profile = builder.legalForm(legalForm).stage(stage).build();
            Set<CompanyCategory> possible = EligibilityMatcher.possibleCategories(profile);

            List<Outcome> expected = new ArrayList<>();
            if (!categories.isEmpty()) {
                expected.add(categories.containsAll(possible) ? Outcome.PASS
                        : possible.stream().anyMatch(categories::contains) ? Outcome.UNKNOWN : Outcome.FAIL);
            }
            if (!legalForms.isEmpty()) {
                expected.add(legalForm == null ? Outcome.UNKNOWN : legalForms.contains(legalForm) ? Outcome.PASS : Outcome.FAIL);
            }
            if (!sectors.isEmpty()) {
                expected.add(profileSectors.isEmpty() ? Outcome.UNKNOWN
                        : profileSectors.stream().anyMatch(sectors::contains) ? Outcome.PASS : Outcome.FAIL);
            }
            if (!stages.isEmpty()) {
                expected.add(stage == null ? Outcome.UNKNOWN : stages.contains(stage) ? Outcome.PASS : Outcome.FAIL);
            }
            assertEquals(expected, outcomes(EligibilityMatcher.check(conditions, profile, YEAR)), conditions + " " + profile);
        }
    }

    private static <E extends Enum<E>> Set<E> subset(Random random, Class<E> type) {
        Set<E> subset = EnumSet.noneOf(type);
        if (random.nextInt(3) > 0) {
            for (E constant : type.getEnumConstants()) {
                if (random.nextInt(3) == 0) {
                    subset.add(constant);
                }
            }
        }
        return subset;
    }

    private static <E extends Enum<E>> E pick(Random random, Class<E> type) {
        E[] constants = type.getEnumConstants();
        return constants[random.nextInt(constants.length)];
    }

    @Test
    void everyCheckSaysWhyInWords() {
        EligibilityConditions conditions = new EligibilityConditions(EnumSet.of(CompanyCategory.TPE), 1, 8,
                EnumSet.of(LegalForm.SAS), List.of("62"), List.of("62.02A"), true, List.of("06"), EnumSet.of(Sector.HEALTH),
                EnumSet.of(StrategicSector.HEALTH_THERAPIES), EnumSet.of(CompanyStage.SEED), true);
        for (CompanyProfile profile : List.of(profile().build(),
                profile().headcount(5).founded(2024).naf("62.02A").department("83").label(true).build())) {
            List<ConditionCheck> explained = EligibilityMatcher.check(conditions, profile, YEAR);
            assertEquals(11, explained.size());
            assertTrue(explained.stream().noneMatch(check -> check.explanation() == null || check.explanation().isBlank()),
                    explained.toString());
        }
    }

    private static List<Outcome> outcomes(List<ConditionCheck> checks) {
        return checks.stream().map(ConditionCheck::outcome).toList();
    }

    static Builder profile() {
        return new Builder();
    }

    /** A profile with only what a test names. */
    static final class Builder {
        private Integer headcount;
        private HeadcountBand band;
        private Long turnover;
        private Integer founded;
        private LegalForm legalForm;
        private String naf;
        private String department;
        private Set<Sector> sectors;
        private CompanyStage stage;
        private Boolean label;

        Builder headcount(int value) { headcount = value; return this; }
        Builder band(HeadcountBand value) { band = value; return this; }
        Builder turnover(Long value) { turnover = value; return this; }
        Builder founded(int value) { founded = value; return this; }
        Builder legalForm(LegalForm value) { legalForm = value; return this; }
        Builder naf(String value) { naf = value; return this; }
        Builder department(String value) { department = value; return this; }
        Builder sectors(Set<Sector> value) { sectors = value; return this; }
        Builder stage(CompanyStage value) { stage = value; return this; }
        Builder label(boolean value) { label = value; return this; }

        CompanyProfile build() {
            return new CompanyProfile(headcount, band, turnover, null, founded, legalForm, naf, department, sectors, null, stage, label);
        }
    }
}
