package fr.sudia.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private static final String KEY = "a-key-of-the-platform-for-the-test-only";

    @Test
    void aPseudonymIsErasedAndTheFirst16HexCharactersOfTheHmacOfTheIdentifier() {
        String pseudonym = Pseudonyms.of(KEY, "user-42");
        assertTrue(pseudonym.matches("erased-[0-9a-f]{16}"), pseudonym);
        assertEquals("erased-" + Pseudonyms.digest(KEY, "user-42").substring(0, 16), pseudonym);
        assertTrue(Pseudonyms.isPseudonym(pseudonym));
        assertFalse(Pseudonyms.isPseudonym("user-42"));
    }

    @Test
    void theSamePersonGetsTheSamePseudonymAndOthersAnother() {
        assertEquals(Pseudonyms.of(KEY, "user-42"), Pseudonyms.of(KEY, "user-42"));
        assertNotEquals(Pseudonyms.of(KEY, "user-42"), Pseudonyms.of(KEY, "user-43"));
        assertNotEquals(Pseudonyms.of(KEY, "user-42"), Pseudonyms.of("another-key-another-key-another-key", "user-42"));
    }

    @Test
    void theDigestIsTheKnownHmacSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Pseudonyms.digest("Jefe", "what do ya want for nothing?"));
        assertEquals(64, Pseudonyms.digest(KEY, "alice@example.org").length());
    }

    @Test
    void aPersonIsPseudonymizedByTheirSubjectWhenTheyHaveOneElseByTheirEmail() {
        assertEquals(Pseudonyms.of("user-42"), Pseudonyms.of(new DataSubject("Alice@Example.org", "user-42")));
        assertEquals(Pseudonyms.of("alice@example.org"), Pseudonyms.of(new DataSubject("Alice@Example.org", null)));
        assertThrows(IllegalArgumentException.class, () -> Pseudonyms.digest(KEY, null));
    }
}
