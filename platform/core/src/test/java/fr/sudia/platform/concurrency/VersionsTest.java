package fr.sudia.platform.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;

class VersionsTest {

    @Test
    void ifMatchNamesTheVersionReadAndIsRequired() {
        assertEquals(3, Versions.requireIfMatch("\"3\""));
        assertEquals(3, Versions.requireIfMatch("W/\"3\""));
        assertEquals(428, assertThrows(ClientErrorException.class, () -> Versions.requireIfMatch(" ")).getResponse().getStatus());
        assertThrows(BadRequestException.class, () -> Versions.requireIfMatch("\"three\""));
    }

    @Test
    void aStaleVersionIsA412NamingBothVersions() {
        Versions.requireCurrent("Scheme 42", 4, 4);
        ClientErrorException stale = assertThrows(ClientErrorException.class, () -> Versions.requireCurrent("Scheme 42", 5, 4));
        assertEquals(412, stale.getResponse().getStatus());
        assertEquals("Scheme 42 changed since version \"4\" (now \"5\"): read it again and retry.", stale.getMessage());
    }
}
