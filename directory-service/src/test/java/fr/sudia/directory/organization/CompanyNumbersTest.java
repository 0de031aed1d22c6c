package fr.sudia.directory.organization;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompanyNumbersTest {

    @Test
    void acceptsLuhnValidSirensAndSirets() {
        assertTrue(CompanyNumbers.isValidSiren("732829320"));
        assertTrue(CompanyNumbers.isValidSiret("73282932000074"));
    }

    @Test
    void rejectsWrongChecksumsLengthsAndLetters() {
        assertFalse(CompanyNumbers.isValidSiren("732829321"));
        assertFalse(CompanyNumbers.isValidSiren("73282932"));
        assertFalse(CompanyNumbers.isValidSiren("73282932a"));
        assertFalse(CompanyNumbers.isValidSiret("73282932000075"));
        assertFalse(CompanyNumbers.isValidSiren(null));
    }

    @Test
    void laPosteSiretsFollowTheDigitSumRuleInsteadOfLuhn() {
        // 3+5+6+0+0+0+0+0+0+0+0+0+1+0 = 15: a multiple of 5, though not Luhn-valid.
        assertTrue(CompanyNumbers.isValidSiret("35600000000010"));
        assertFalse(CompanyNumbers.isValidSiret("35600000000011"));
        assertTrue(CompanyNumbers.isValidSiren(CompanyNumbers.LA_POSTE_SIREN));
    }
}
