package fr.sudia.events.feed;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.sudia.events.search.EventQuery;
import fr.sudia.platform.freshness.RenderedBodies;
import fr.sudia.platform.http.EntityTags;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Serves the public lists and feeds from memory. The strong ETag is derived from the calendar version and the
 * normalized query (plus the window's start when it follows the clock), so a revalidation is answered 304
 * without any database query, and a body already rendered for that ETag is sent without one either.
 */
@ApplicationScoped
public class CachedRepresentations {

    private static final int MAX_ENTRIES = 256;

    private static final Pattern NOT_TAG_CHARACTERS = Pattern.compile("[^a-z0-9]");

    private final CalendarVersion version;
    private final Revalidations revalidations;
    private final int maxAgeSeconds;
    /** Rendered bodies by version and query; a render under way is shared by the requests that need it. */
    private final RenderedBodies rendered = new RenderedBodies(MAX_ENTRIES);

    CachedRepresentations(CalendarVersion version, Revalidations revalidations,
            @ConfigProperty(name = "sudia.events.feed-max-age", defaultValue = "120") int maxAgeSeconds) {
        this.version = version;
        this.revalidations = revalidations;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    /**
     * @param representation what is rendered (ics, atom, json, list…) with any parameter beyond the query
     * @param render builds the body from the database; runs on a worker thread
     */
    public Uni<Response> serve(String representation, EventQuery query, String contentType, HttpHeaders headers,
            Supplier<byte[]> render) {
        CalendarVersion.Snapshot snapshot = version.current();
        String key = representation + "|" + query.key() + (query.relative() ? "" : "|fixed");
        String tag = NOT_TAG_CHARACTERS.matcher(representation).replaceAll("") + "-" + Long.toString(snapshot.value(), 36) + "-"
                + Integer.toHexString(key.hashCode());
        EntityTag etag = new EntityTag(tag);
        Instant lastModified = snapshot.changedAt();
        if (query.relative() && query.from().isAfter(lastModified)) {
            lastModified = query.from();
        }
        lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        // A window that follows the clock starts at the minute: its answer holds until the next one.
        revalidations.issued(Revalidations.Issued.of(tag, snapshot.value(),
                query.relative() ? query.from().plus(1, ChronoUnit.MINUTES) : null, lastModified, maxAgeSeconds));
        if (notModified(headers, tag, lastModified)) {
            return Uni.createFrom().item(headers(Response.notModified(etag), lastModified).build());
        }
        Instant modified = lastModified;
        return rendered.get(snapshot.value() + "|" + key, render).map(buffer -> ok(buffer, contentType, etag, modified));
    }

    private Response ok(Buffer body, String contentType, EntityTag etag, Instant lastModified) {
        return headers(Response.ok(body, contentType).tag(etag), lastModified).build();
    }

    private Response.ResponseBuilder headers(Response.ResponseBuilder builder, Instant lastModified) {
        return builder.lastModified(Date.from(lastModified))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAgeSeconds)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", "ETag, Last-Modified");
    }

    /** RFC 9110 13.2.2: If-None-Match decides when present; otherwise If-Modified-Since. */
    private static boolean notModified(HttpHeaders headers, String tag, Instant lastModified) {
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return EntityTags.noneMatchNames(ifNoneMatch, tag);
        }
        String ifModifiedSince = headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
