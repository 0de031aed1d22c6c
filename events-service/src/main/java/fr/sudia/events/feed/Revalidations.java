package fr.sudia.events.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers the revalidations of the public lists and feeds before they reach the REST layer: when the request's
 * exact URI was last answered with an ETag that is still current (same calendar version; for a window that follows
 * the clock, the same minute) and If-None-Match names it, the 304 goes out at once. Anything else, including the
 * first request of a URI, goes on to the resource, which records what it answered ({@link #issued}).
 * <p>
 * Partner sites and calendar apps revalidate far more often than the calendar changes: this is the hot path, and it
 * costs no database query, no query parsing and no rendering.
 */
@ApplicationScoped
public class Revalidations {

    private static final String ISSUED = Revalidations.class.getName();

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** What a request was answered with (its validators, ready to send), and until when it holds. */
    record Issued(String etag, long version, Instant validUntil, String lastModified, String cacheControl) {

        static Issued of(String etag, long version, Instant validUntil, Instant lastModified, int maxAgeSeconds) {
            return new Issued(etag, version, validUntil, HTTP_DATE.format(lastModified), "public, max-age=" + maxAgeSeconds);
        }
    }

    private final CalendarVersion calendarVersion;
    private final CurrentVertxRequest currentRequest;
    private final Clock clock;
    private final Cache<String, Issued> byUri = Caffeine.newBuilder().maximumSize(10_000).build();

    Revalidations(CalendarVersion calendarVersion, CurrentVertxRequest currentRequest, Clock clock) {
        this.calendarVersion = calendarVersion;
        this.currentRequest = currentRequest;
        this.clock = clock;
    }

    /** Called by the resource for the request it is answering: remembered once the answer's headers are sent. */
    void issued(Issued issued) {
        RoutingContext context = currentRequest.getCurrent();
        if (context != null) {
            context.put(ISSUED, issued);
        }
    }

    @RouteFilter(100)
    void revalidate(RoutingContext context) {
        if (context.request().method() != HttpMethod.GET || !isCachedPath(context.request().path())) {
            context.next();
            return;
        }
        String uri = context.request().uri();
        String ifNoneMatch = context.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        Issued issued = ifNoneMatch == null ? null : byUri.getIfPresent(uri);
        if (issued != null && isCurrent(issued) && names(ifNoneMatch, issued.etag())) {
            context.response().setStatusCode(304)
                    .putHeader(HttpHeaders.ETAG, "\"" + issued.etag() + "\"")
                    .putHeader(HttpHeaders.LAST_MODIFIED, issued.lastModified())
                    .putHeader(HttpHeaders.CACHE_CONTROL, issued.cacheControl())
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                    .putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, Last-Modified")
                    .end();
            return;
        }
        context.addHeadersEndHandler(ignored -> {
            Issued answered = context.get(ISSUED);
            int status = context.response().getStatusCode();
            if (answered != null && (status == 200 || status == 304)) {
                byUri.put(uri, answered);
            }
        });
        context.next();
    }

    private boolean isCurrent(Issued issued) {
        return issued.version() == calendarVersion.current().value()
                && (issued.validUntil() == null || clock.instant().isBefore(issued.validUntil()));
    }

    private static boolean isCachedPath(String path) {
        return path.startsWith("/feeds/events.") || path.equals("/api/v1/events");
    }

    /** RFC 9110 13.1.2: weak comparison, any of the listed tags, or "*". */
    static boolean names(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || (tag.length() == etag.length() + 2 && tag.regionMatches(1, etag, 0, etag.length()))) {
                return true;
            }
        }
        return false;
    }
}
