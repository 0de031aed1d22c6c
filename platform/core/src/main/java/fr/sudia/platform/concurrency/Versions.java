package fr.sudia.platform.concurrency;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version, and a write must send back, in
 * {@code If-Match}, the version it read. No If-Match is a 428; a stale version is a 412, checked by the code
 * that holds the row with {@link #requireCurrent}.
 */
public final class Versions {

    /** RFC 6585; not among JAX-RS's named statuses. */
    public static final int PRECONDITION_REQUIRED = 428;

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A 412 unless the row is still at the version the client read; {@code what} names it, e.g. "Scheme 3b0d…". */
    public static void requireCurrent(String what, long current, long expected) {
        if (current != expected) {
            throw new ClientErrorException(what + " changed since version \"" + expected + "\" (now \"" + current
                    + "\"): read it again and retry.", Response.Status.PRECONDITION_FAILED);
        }
    }

    /** The version named by an {@code If-Match} header such as {@code "3"} or {@code W/"3"}. */
    public static long requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ClientErrorException("This change requires an If-Match header with the ETag you read.",
                    PRECONDITION_REQUIRED);
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match must be an ETag this API issued, such as \"3\".");
        }
    }
}
