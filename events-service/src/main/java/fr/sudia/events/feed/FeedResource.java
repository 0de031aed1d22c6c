package fr.sudia.events.feed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.events.recurrence.OccurrenceStore;
import fr.sudia.events.search.EventQuery;
import fr.sudia.events.search.EventSearch;
import fr.sudia.events.search.QueryParameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The public feeds, taking the same filters as the search; answered from memory when unchanged. */
@Path("/feeds")
@PermitAll
@Tag(name = "Feeds", description = "iCalendar, Atom, RSS 2.0 and JSON Feed of the public events, for calendar apps and partner sites")
public class FeedResource {

    static final String ICS = "text/calendar; charset=utf-8";
    static final String ATOM = "application/atom+xml; charset=utf-8";
    static final String RSS = "application/rss+xml; charset=utf-8";
    static final String JSON_FEED = "application/feed+json; charset=utf-8";
    private static final String LANGUAGE = "Language of titles and descriptions: fr (en français / in French), en (en anglais / "
            + "in English)";

    private final CachedRepresentations cache;
    private final EventSearch search;
    private final OccurrenceStore occurrences;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String publicUrl;

    FeedResource(CachedRepresentations cache, EventSearch search, OccurrenceStore occurrences, ObjectMapper mapper,
            Clock clock, @ConfigProperty(name = "sudia.events.public-url") String publicUrl) {
        this.cache = cache;
        this.search = search;
        this.occurrences = occurrences;
        this.mapper = mapper;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("events.ics")
    @Produces({ "text/calendar", "*/*" })
    @Operation(operationId = "getIcsFeed", summary = "iCalendar feed (RFC 5545)",
            description = "Subscribe to it from a calendar app. One VEVENT per event with a stable UID; recurring events "
                    + "carry RRULE/EXDATE and a VEVENT per changed occurrence (RECURRENCE-ID); SEQUENCE rises on every "
                    + "change of time, place or status; cancelled events stay as STATUS:CANCELLED until they are over. "
                    + "Lines are folded at 75 octets (never inside a UTF-8 character) and text is escaped as RFC 5545 "
                    + "says; an event that cannot be written is left out rather than failing the calendar. "
                    + "Revalidate with If-None-Match or If-Modified-Since: 304 when unchanged.")
    @APIResponse(responseCode = "200", description = "The calendar", headers = {
            @Header(name = "ETag", description = "Changes exactly when the content does", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Last-Modified", description = "Last change of the calendar", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING),
                    example = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nEND:VCALENDAR"))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag or date given")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Response> ics(@BeanParam QueryParameters parameters, @QueryParam("lang") @Parameter(
            description = LANGUAGE, schema = @Schema(enumeration = { "fr", "en" })) String lang,
            @Context HttpHeaders headers) {
        EventQuery query = parameters.toQuery(clock);
        boolean english = english(lang);
        return cache.serve("ics-" + lang(english), query, ICS, headers, () -> IcsFeed
                .write(IcsFeed.calendar(search.feedEvents(query, occurrences), publicUrl, english))
                .getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @Path("events.atom")
    @Produces({ "application/atom+xml", "*/*" })
    @Operation(operationId = "getAtomFeed", summary = "Atom feed",
            description = "One entry per occurrence in the window (at most 500), in date order.")
    @APIResponse(responseCode = "200", description = "The feed",
            headers = @Header(name = "ETag", description = "Changes exactly when the content does", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING),
                    example = "<feed xmlns=\"http://www.w3.org/2005/Atom\">…</feed>"))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag or date given")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Response> atom(@BeanParam QueryParameters parameters, @QueryParam("lang") @Parameter(
            description = LANGUAGE, schema = @Schema(enumeration = { "fr", "en" })) String lang,
            @Context HttpHeaders headers) {
        EventQuery query = parameters.toQuery(clock);
        boolean english = english(lang);
        return cache.serve("atom-" + lang(english), query, ATOM, headers, () -> SyndicationFeed
                .render(SyndicationFeed.Format.ATOM, FeedItems.of(search.feedEvents(query, occurrences)), publicUrl,
                        publicUrl + "/feeds/events.atom", english).getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @Path("events.rss")
    @Produces({ "application/rss+xml", "*/*" })
    @Operation(operationId = "getRssFeed", summary = "RSS 2.0 feed",
            description = "The same items as the Atom feed (one per occurrence in the window, at most 500, in date order), "
                    + "for the CMS plug-ins that read only RSS; each item's `guid` is the Atom entry's id.")
    @APIResponse(responseCode = "200", description = "The feed",
            headers = @Header(name = "ETag", description = "Changes exactly when the content does", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING),
                    example = "<rss version=\"2.0\"><channel>…</channel></rss>"))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag or date given")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Response> rss(@BeanParam QueryParameters parameters, @QueryParam("lang") @Parameter(
            description = LANGUAGE, schema = @Schema(enumeration = { "fr", "en" })) String lang,
            @Context HttpHeaders headers) {
        EventQuery query = parameters.toQuery(clock);
        boolean english = english(lang);
        return cache.serve("rss-" + lang(english), query, RSS, headers, () -> SyndicationFeed
                .render(SyndicationFeed.Format.RSS, FeedItems.of(search.feedEvents(query, occurrences)), publicUrl,
                        publicUrl + "/feeds/events.rss", english).getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @Path("events.json")
    @Produces({ "application/feed+json", "application/json", "*/*" })
    @Operation(operationId = "getJsonFeed", summary = "JSON Feed 1.1",
            description = "One item per occurrence in the window (at most 500), in date order; `_event` holds the "
                    + "occurrence's times, place, status and organizer (with its Sud IA label). The widget reads it.")
    @APIResponse(responseCode = "200", description = "The feed",
            headers = @Header(name = "ETag", description = "Changes exactly when the content does", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/feed+json", schema = @Schema(type = SchemaType.OBJECT),
                    example = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Événements IA de la Région Sud\",\"items\":[]}"))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag or date given")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Response> json(@BeanParam QueryParameters parameters, @QueryParam("lang") @Parameter(
            description = LANGUAGE, schema = @Schema(enumeration = { "fr", "en" })) String lang,
            @Context HttpHeaders headers) {
        EventQuery query = parameters.toQuery(clock);
        boolean english = english(lang);
        return cache.serve("json-" + lang(english), query, JSON_FEED, headers, () -> {
            try {
                return mapper.writeValueAsBytes(JsonFeed.of(FeedItems.of(search.feedEvents(query, occurrences)),
                        publicUrl, publicUrl + "/feeds/events.json", english));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static boolean english(String lang) {
        if (lang == null || lang.equals("fr")) {
            return false;
        }
        if (lang.equals("en")) {
            return true;
        }
        throw new BadRequestException("lang: must be fr or en.");
    }

    private static String lang(boolean english) {
        return english ? "en" : "fr";
    }
}
