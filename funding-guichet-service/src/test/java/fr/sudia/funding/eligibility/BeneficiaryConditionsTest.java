package fr.sudia.funding.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The conditions on beneficiary types, checked without the service: what is decided, and what stays unknown. */
class BeneficiaryConditionsTest {

    private static final int YEAR = 2026;

    private static final EligibilityConditions RURAL_EPCI = new EligibilityConditions(null, null, null, null, null, null,
            null, null, null, null, null, null, EnumSet.of(BeneficiaryType.LOCAL_AUTHORITY), EnumSet.of(LocalAuthorityKind.EPCI),
            10_000, null, true, null, null);

    @Test
    void aRuralEpciPassesAndAnUnknownApplicantIsOnlyPossiblyEligible() {
        CompanyProfile epci = new CompanyProfile(null, null, null, null, null, null, null, "05", null, null, null, null)
                .withBeneficiary(BeneficiaryType.LOCAL_AUTHORITY, LocalAuthorityKind.EPCI, 25_000, DensityLevel.SPARSE, null, null);
        assertEquals(Map.of("beneficiaryTypes", Outcome.PASS, "localAuthorityKinds", Outcome.PASS, "population", Outcome.PASS,
                "rural", Outcome.PASS), outcomes(RURAL_EPCI, epci));

        CompanyProfile unknown = new CompanyProfile(null, null, null, null, null, null, null, "05", null, null, null, null);
        assertEquals(Map.of("beneficiaryTypes", Outcome.UNKNOWN, "localAuthorityKinds", Outcome.UNKNOWN,
                "population", Outcome.UNKNOWN, "rural", Outcome.UNKNOWN), outcomes(RURAL_EPCI, unknown));
    }

    @Test
    void everyConditionAboutAnotherTypeFailsWithItsReason() {
        CompanyProfile association = new CompanyProfile(null, null, null, null, null, null, null, "13", null, null, null, null)
                .withBeneficiary(BeneficiaryType.ASSOCIATION, null, null, null, null, null);
        assertEquals(Map.of("beneficiaryTypes", Outcome.FAIL, "localAuthorityKinds", Outcome.FAIL, "population", Outcome.FAIL,
                "rural", Outcome.FAIL), outcomes(RURAL_EPCI, association));
        List<ConditionCheck> checks = EligibilityMatcher.check(RURAL_EPCI, association, YEAR);
        assertEquals("The scheme's condition rural is for a local authority; the applicant is an association.",
                checks.get(3).explanation());
    }

    @Test
    void anIndividualHasNoLegalFormNorNafCodeAndIsNeverASmallCompany() {
        EligibilityConditions companies = new EligibilityConditions(EnumSet.of(CompanyCategory.TPE), null, null,
                EnumSet.of(LegalForm.SAS), List.of("62"), List.of("62.02A"), null, null, null, null, EnumSet.of(CompanyStage.SEED), null);
        CompanyProfile student = new CompanyProfile(null, null, null, null, null, null, null, "06", null, null, null, null)
                .withBeneficiary(BeneficiaryType.INDIVIDUAL, null, null, null, null, IndividualStatus.MASTER_STUDENT);
        assertEquals(Map.of("companyCategories", Outcome.FAIL, "legalForms", Outcome.FAIL, "nafCodesAccepted", Outcome.FAIL,
                "nafCodesExcluded", Outcome.UNKNOWN, "stages", Outcome.FAIL), outcomes(companies, student));
        assertEquals("The scheme requires a legal form among SAS; an individual has none.",
                EligibilityMatcher.check(companies, student, YEAR).get(1).explanation());
    }

    @Test
    void aTrainingBodyOfUnknownCertificationMayStillQualify() {
        EligibilityConditions qualiopi = new EligibilityConditions(null, null, null, null, null, null, null, null, null, null,
                null, null, EnumSet.of(BeneficiaryType.TRAINING_BODY), null, null, null, null, true, null);
        CompanyProfile body = new CompanyProfile(null, null, null, null, null, null, null, "83", null, null, null, null)
                .withBeneficiary(BeneficiaryType.TRAINING_BODY, null, null, null, null, null);
        assertEquals(Map.of("beneficiaryTypes", Outcome.PASS, "requiresQualiopi", Outcome.UNKNOWN), outcomes(qualiopi, body));
        EligibilityMatcher.Tally tally = EligibilityMatcher.tally(EligibilityMatcher.CompiledConditions.of(qualiopi),
                EligibilityMatcher.Company.of(body, YEAR), EligibilityMatcher.Tally.counting());
        assertEquals(Verdict.POSSIBLY_ELIGIBLE, tally.verdict());
    }

    private static Map<String, Outcome> outcomes(EligibilityConditions conditions, CompanyProfile profile) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (ConditionCheck check : EligibilityMatcher.check(conditions, profile, YEAR)) {
            outcomes.put(check.condition(), check.outcome());
        }
        return outcomes;
    }
}
