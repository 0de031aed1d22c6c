package fr.sudia.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

    private static final String VERSION = "v2";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursor() {
    }

    /** Each part is base64url-encoded on its own, so a sort key may hold any text (a name with any character). */
    public static String encode(List<String> sortKey) {
        StringBuilder raw = new StringBuilder(VERSION);
        for (String part : sortKey) {
            raw.append('.').append(ENCODER.encodeToString(part.getBytes(StandardCharsets.UTF_8)));
        }
        return ENCODER.encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor into its sort key, which has {@code arity} parts; blank means the first page. */
    public static List<String> decode(String cursor, int arity) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        try {
            String[] fields = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\.", -1);
            if (fields.length != arity + 1 || !VERSION.equals(fields[0])) {
                throw invalid();
            }
            List<String> parts = new ArrayList<>(arity);
            for (int i = 1; i < fields.length; i++) {
                parts.add(new String(DECODER.decode(fields[i]), StandardCharsets.UTF_8));
            }
            return List.copyOf(parts);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A UUID part of a decoded cursor; a tampered one is a 400, as for any cursor not issued here. */
    public static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A number part of a decoded cursor (an id, a version, a line); a tampered one is a 400. */
    public static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /**
     * A time part of a decoded cursor, written as an ISO-8601 instant or offset date-time (as
     * {@code Instant.toString()} or {@code OffsetDateTime.toString()} wrote it); a tampered one is a 400.
     */
    public static OffsetDateTime time(String part) {
        try {
            return OffsetDateTime.parse(part);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(part).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notAnInstant) {
                throw invalid();
            }
        }
    }

    private static BadRequestException invalid() {
        return new BadRequestException("The cursor parameter is not one this list issued; start again without it.");
    }
}
