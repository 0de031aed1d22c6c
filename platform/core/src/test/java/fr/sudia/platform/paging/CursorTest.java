package fr.sudia.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.BadRequestException;

class CursorTest {

    @Test
    void aCursorDecodesToTheSortKeyItWasMadeOf() {
        List<String> key = List.of("thérapixel", "6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10");
        assertEquals(key, Cursor.decode(Cursor.encode(key), 2));
    }

    @Test
    void aSortKeyMayHoldAnyCharacter() {
        List<String> key = List.of("a.b\u001fc", "", "v1.x");
        assertEquals(key, Cursor.decode(Cursor.encode(key), 3));
    }

    @Test
    void aTimePartReadsBackAsTheSameInstantWhicheverWayItWasWritten() {
        java.time.OffsetDateTime paris = java.time.OffsetDateTime.parse("2026-12-05T10:15:30.123456+01:00");
        assertEquals(paris.toInstant(), Cursor.time(paris.toString()).toInstant());
        assertEquals(paris.toInstant(), Cursor.time(paris.toInstant().toString()).toInstant());
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertEquals(List.of(), Cursor.decode(null, 2));
        assertEquals(List.of(), Cursor.decode(" ", 2));
    }

    @Test
    void aCursorNotIssuedHereIsABadRequest() {
        assertThrows(BadRequestException.class, () -> Cursor.decode("not base64!", 2));
        assertThrows(BadRequestException.class, () -> Cursor.decode(Cursor.encode(List.of("a")), 2));
        assertThrows(BadRequestException.class, () -> Cursor.uuid("not-a-uuid"));
        assertThrows(BadRequestException.class, () -> Cursor.time("yesterday"));
    }

    @Test
    void aKeysetPageKeepsLimitRowsAndPointsAfterTheLastOne() {
        List<Integer> fetched = IntStream.rangeClosed(1, 4).boxed().toList();

        Page<String> page = Page.fromKeyset(fetched, 3, n -> List.of(n.toString()), n -> "item " + n);

        assertEquals(List.of("item 1", "item 2", "item 3"), page.items());
        assertEquals(List.of("3"), Cursor.decode(page.nextCursor(), 1));
    }

    @Test
    void theLastPageHasNoNextCursor() {
        Page<String> page = Page.fromKeyset(List.of(1, 2), 3, n -> List.of(n.toString()), n -> "item " + n);

        assertEquals(2, page.items().size());
        assertNull(page.nextCursor());
    }

    @Test
    void aNumberPartIsReadOrRefusedAsACursorNotIssuedHere() {
        assertEquals(42L, Cursor.number("42"));
        assertThrows(BadRequestException.class, () -> Cursor.number("4x2"));
        assertThrows(BadRequestException.class, () -> Cursor.number("99999999999999999999"));
    }
}
