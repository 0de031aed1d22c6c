package fr.sudia.events.event;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.events.feed.CachedRepresentations;
import fr.sudia.events.feed.JsonLd;
import fr.sudia.events.organizer.Organizer;
import fr.sudia.events.search.EventQuery;
import fr.sudia.events.search.EventSearch;
import fr.sudia.events.search.QueryParameters;
import fr.sudia.events.search.SearchResult;
import fr.sudia.platform.http.Locations;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "The ecosystem's events: search, submission, moderation, occurrences")
public class EventResource {

    private static final String IF_MATCH = "The ETag read, e.g. \"3\"";

    private final EventCatalogue catalogue;
    private final EventSearch search;
    private final CachedRepresentations cache;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String publicUrl;

    EventResource(EventCatalogue catalogue, EventSearch search, CachedRepresentations cache, ObjectMapper mapper,
            Clock clock, @ConfigProperty(name = "sudia.events.public-url") String publicUrl) {
        this.catalogue = catalogue;
        this.search = search;
        this.cache = cache;
        this.mapper = mapper;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @GET
    @PermitAll
    @Operation(operationId = "searchEvents", summary = "Search the public events",
            description = "Occurrences of published events in a window (default: upcoming), by start. Values of one "
                    + "repeated filter are alternatives (OR); different filters all apply (AND). Pages follow a keyset: "
                    + "pass `nextCursor` back as `cursor` with the same parameters. `facets` count distinct events over "
                    + "the whole result. Strong ETag and Last-Modified: revalidate for a 304. A bad parameter is a 400.")
    @APIResponse(responseCode = "200", description = "One page of occurrences and the facets",
            headers = @Header(name = "ETag", description = "Changes exactly when the content does", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag or date given")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Response> list(@BeanParam QueryParameters parameters,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Size(max = 500) @Parameter(description = "Opaque cursor from a previous page's nextCursor")
            String cursor,
            @Context HttpHeaders headers) {
        EventQuery query = parameters.toQuery(clock);
        return cache.serve("list-" + limit + "-" + (cursor == null ? "" : cursor), query, MediaType.APPLICATION_JSON,
                headers, () -> {
                    try {
                        return mapper.writeValueAsBytes(search.search(query, limit, cursor));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.PARTNER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "submitEvent", summary = "Submit an event",
            description = "A partner submits an event of its own organization: it waits for an editor (moderation "
                    + "SUBMITTED). An editor's event is published at once and announced on `events.events.v1`.")
    @APIResponse(responseCode = "201", description = "Submitted",
            headers = { @Header(name = "Location", description = "URL of the event", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response submit(@Valid @NotNull EventInput input) {
        Event event = catalogue.submit(input);
        return Locations.created("/api/v1/events/" + event.id).tag(Versions.etag(event.version))
                .entity(EventView.of(event)).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Transactional
    @Operation(operationId = "getEvent", summary = "Get an event",
            description = "Public once published; before that, visible to editors and to the organizer's partners.")
    @APIResponse(responseCode = "200", description = "The event",
            headers = @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Event id") UUID id) {
        Event event = visible(id);
        return Response.ok(EventView.of(event)).tag(Versions.etag(event.version)).build();
    }

    @GET
    @Path("{id}/jsonld")
    @PermitAll
    @Transactional
    @Produces("application/ld+json")
    @Operation(operationId = "getEventJsonLd", summary = "Get an event as schema.org JSON-LD",
            description = "The schema.org Event to embed in a page, in a script element of type application/ld+json: "
                    + "`<`, `>`, `&` and `'` are written as `\\u003c`-style escapes, so the document can be pasted as it is "
                    + "(a `</script>` in a title cannot close the element).")
    @APIResponse(responseCode = "200", description = "The schema.org Event",
            content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT),
                    example = "{\"@context\":\"https://schema.org\",\"@type\":\"Event\",\"name\":\"WAICF 2026\"}"))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public byte[] jsonLd(@PathParam("id") @Parameter(description = "Event id") UUID id) {
        Event event = visible(id);
        return JsonLd.write(mapper,
                JsonLd.of(event, event.organizerId == null ? null : Organizer.findById(event.organizerId), publicUrl));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.PARTNER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateEvent", summary = "Replace an event",
            description = "Needs `If-Match`. A partner may change only its organization's events. A change of time, "
                    + "place or status raises the SEQUENCE; moving a published event keeps its previous start "
                    + "(status RESCHEDULED); setting status CANCELLED announces `cancelled`, other changes `updated`.")
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH) String ifMatch,
            @Valid @NotNull EventInput input) {
        return withVersion(catalogue.update(id, Versions.requireIfMatch(ifMatch), input));
    }

    @POST
    @Path("{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "approveEvent", summary = "Publish a submitted event",
            description = "Editors only; needs `If-Match`. Announced as `published`.")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response approve(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH) String ifMatch) {
        return withVersion(catalogue.approve(id, Versions.requireIfMatch(ifMatch)));
    }

    @Schema(name = "Refusal")
    public record Refusal(@NotBlank @Size(max = 1000) @Schema(examples = "Not an AI event") String reason) {
    }

    @POST
    @Path("{id}/refusal")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "refuseEvent", summary = "Refuse a submitted event, with a reason",
            description = "Editors only; needs `If-Match`. The partner sees the reason on its event.")
    @APIResponse(responseCode = "200", description = "Refused", content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response refuse(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH) String ifMatch,
            @Valid @NotNull Refusal refusal) {
        return withVersion(catalogue.refuse(id, Versions.requireIfMatch(ifMatch), refusal.reason()));
    }

    @POST
    @Path("{id}/unpublication")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "unpublishEvent", summary = "Unpublish an event",
            description = "Editors only; needs `If-Match`. The event leaves lists and feeds; announced as `unpublished`; "
                    + "delta sync reports it as deleted.")
    @APIResponse(responseCode = "200", description = "Unpublished", content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response unpublish(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH) String ifMatch) {
        return withVersion(catalogue.unpublish(id, Versions.requireIfMatch(ifMatch)));
    }

    @PUT
    @Path("{id}/occurrences/{originalStart}")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.PARTNER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "changeOccurrence", summary = "Cancel, move or restore one occurrence",
            description = "For one occurrence of a recurring event, named by the start its rule gave it. Needs the "
                    + "event's `If-Match`; the feed shows it as a VEVENT with RECURRENCE-ID.")
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = "ETag", description = "New version of the event", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response changeOccurrence(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @PathParam("originalStart") @Parameter(description = "The occurrence's original start, an ISO instant",
                    example = "2026-03-10T18:00:00Z") String originalStart,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH) String ifMatch,
            @Valid @NotNull OccurrenceChange change) {
        Instant start;
        try {
            start = Instant.parse(originalStart);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("originalStart: must be an ISO instant such as 2026-03-10T18:00:00Z.");
        }
        return withVersion(catalogue.changeOccurrence(id, Versions.requireIfMatch(ifMatch), start, change));
    }

    @GET
    @Path("{id}/sessions")
    @PermitAll
    @Transactional
    @Operation(operationId = "listSessions", summary = "List an event's sessions",
            description = "Talks, round tables and workshops of an edition, by start; at most "
                    + EventSession.MAX_PER_EVENT + " (an event holds no more).")
    @APIResponse(responseCode = "200", description = "The sessions, at most " + EventSession.MAX_PER_EVENT,
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SessionInput.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<SessionInput> sessions(@PathParam("id") @Parameter(description = "Event id") UUID id) {
        visible(id);
        return EventSession.<EventSession>find("eventId = ?1 order by startsAt, id", id).range(0, EventSession.MAX_PER_EVENT - 1)
                .stream().map(SessionInput::of).toList();
    }

    @POST
    @Path("{id}/sessions")
    @Transactional
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.PARTNER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "addSession", summary = "Add a session to an event",
            description = "A talk, round table or workshop with its speakers (at most 20) and room; within the event's "
                    + "dates. An event holds at most " + EventSession.MAX_PER_EVENT + " sessions: one more is a 400.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = SessionInput.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response addSession(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH) String ifMatch,
            @Valid @NotNull SessionInput input) {
        Event event = catalogue.editable(id, Versions.requireIfMatch(ifMatch));
        if (input.startsAt().isBefore(event.startsAt) || input.endsAt().isAfter(event.endsAt)) {
            throw new BadRequestException("startsAt/endsAt: a session takes place within its event's dates.");
        }
        // Locked so that two sessions added at once cannot take the event past its bound.
        Event.getEntityManager().lock(event, LockModeType.PESSIMISTIC_WRITE);
        if (EventSession.count("eventId", id) >= EventSession.MAX_PER_EVENT) {
            throw new BadRequestException("sessions: an event holds at most " + EventSession.MAX_PER_EVENT + " sessions.");
        }
        EventSession session = new EventSession();
        session.id = UUID.randomUUID();
        session.eventId = id;
        session.kind = input.kind().name();
        session.title = input.title().strip();
        session.startsAt = input.startsAt();
        session.endsAt = input.endsAt();
        session.room = input.room();
        session.speakers = input.speakers() == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(input.speakers());
        session.persist();
        return Response.status(Response.Status.CREATED).entity(SessionInput.of(session)).build();
    }

    private Response withVersion(Event event) {
        return Response.ok(EventView.of(event)).tag(Versions.etag(event.version)).build();
    }

    private Event visible(UUID id) {
        return Event.find(id).filter(catalogue::canSee).orElseThrow(() -> EventCatalogue.notFound(id));
    }
}
