package fr.sudia.events.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** RFC 5545 3.1 folding, on octets, never inside a UTF-8 sequence. */
class IcsFoldingTest {

    @Test
    void longLinesFoldAt75OctetsAndUnfoldToTheSameText() throws CharacterCodingException {
        for (String text : new String[] { "a".repeat(300), "é".repeat(100), "🤖".repeat(40), "ab€".repeat(50) + "🤖é",
                "x".repeat(74) + "é", "x".repeat(75), "short" }) {
            String line = "SUMMARY:" + text;
            StringBuilder out = new StringBuilder();
            IcsFeed.fold(line, out);
            String folded = out.toString();
            assertTrue(folded.endsWith("\r\n"));
            for (String physical : folded.substring(0, folded.length() - 2).split("\r\n", -1)) {
                byte[] octets = physical.getBytes(StandardCharsets.UTF_8);
                assertTrue(octets.length <= 75, physical + ": " + octets.length);
                // Each physical line decodes on its own: no UTF-8 sequence was cut.
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(octets));
            }
            assertEquals(line, folded.substring(0, folded.length() - 2).replace("\r\n ", ""));
        }
    }
}
