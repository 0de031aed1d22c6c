package fr.sudia.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.BadRequestException;

/**
 * Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded. Clients must not
 * build or parse them; a cursor that was not issued by the service is a 400.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';
    private static final String VERSION = "v1";

    private Cursor() {
    }

    public static String encode(List<String> sortKey) {
        StringBuilder raw = new StringBuilder(VERSION);
        for (String part : sortKey) {
            if (part.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a cursor key cannot contain the unit separator");
            }
            raw.append(SEPARATOR).append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor into its sort key, which has {@code arity} parts; blank means the first page. */
    public static List<String> decode(String cursor, int arity) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        List<String> parts = new ArrayList<>(List.of(raw.split(String.valueOf(SEPARATOR), -1)));
        if (parts.size() != arity + 1 || !VERSION.equals(parts.remove(0))) {
            throw invalid();
        }
        return List.copyOf(parts);
    }

    /** A UUID part of a decoded cursor; a tampered one is a 400, as for any cursor not issued here. */
    public static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static BadRequestException invalid() {
        return new BadRequestException("The cursor parameter is not one this list issued; start again without it.");
    }
}
