package fr.sudia.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.sudia.platform.validation.HttpUrls;

class ControlCharactersTest {

    @Test
    void tabLineFeedAndCrlfAreTextOtherControlsAreNot() {
        for (String clean : List.of("", "Programme :\r\n\t- accueil\n- ateliers", "été 🤖", "\u007f\u0085 C1 and DEL")) {
            assertTrue(ControlCharacters.isClean(clean), clean);
            if (clean.indexOf('\r') < 0) {
                assertSame(clean, ControlCharacters.clean(clean));
            } else {
                assertEquals(clean.replace("\r\n", "\n"), ControlCharacters.clean(clean));
            }
        }
        for (int c = 0; c < 0x20; c++) {
            boolean allowed = c == '\t' || c == '\n';
            assertEquals(allowed, ControlCharacters.isClean("a" + (char) c + "b"), "U+" + Integer.toHexString(c));
        }
        for (String dirty : List.of("lone\rcr", "end\r", "\uD83E", "x\uDD16", "\uFFFE", "\uFFFF")) {
            assertFalse(ControlCharacters.isClean(dirty), dirty);
        }
    }

    @Test
    void cleaningDropsWhatNoDocumentMayCarryAndKeepsLines() {
        assertEquals("Titre </script>", ControlCharacters.clean("Ti\u0000tre\u0007 </script>\u001b"));
        assertEquals("une\ndeux\ntrois\n", ControlCharacters.clean("une\r\ndeux\rtrois\r"));
        assertEquals("une deux\ttrois", ControlCharacters.clean("une deux\ttrois"));
        assertEquals("une deux trois", ControlCharacters.cleanLine("une\r\ndeux\ttrois"));
        assertEquals("🤖ab", ControlCharacters.clean("🤖a\uD83Eb\uDD16"));
        assertEquals(null, ControlCharacters.clean(null));
    }

    @Test
    void linksAreAbsoluteHttpUrlsThatJavaNetUriParses() {
        for (String good : List.of("https://www.sud-ia.fr/agenda?x=1&y=2#top", "http://example.org", "https://exemple.fr/é")) {
            assertTrue(HttpUrls.parse(good).isPresent(), good);
        }
        for (String bad : List.of("https://example.org/a|b", "https://example.org/a b", "https://example.org/\"q\"",
                "https://example.org/<x>", "javascript:alert(1)", "ftp://example.org/", "https:///path", "/relative",
                "https://example.org/\u0001", "mailto:contact@example.org", "")) {
            assertFalse(HttpUrls.parse(bad).isPresent(), bad);
        }
    }
}
