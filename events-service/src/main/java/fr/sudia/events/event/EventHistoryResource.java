package fr.sudia.events.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every version of an event, and an editor's rollback to one of them. */
@Path("/api/v1/events/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
@SecurityRequirement(name = "bearer")
public class EventHistoryResource {

    private final EventCatalogue catalogue;
    private final EventHistory history;
    private final CurrentActor actor;

    EventHistoryResource(EventCatalogue catalogue, EventHistory history, CurrentActor actor) {
        this.catalogue = catalogue;
        this.history = history;
        this.actor = actor;
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.PARTNER })
    @Operation(operationId = "getEventHistory", summary = "Every version of an event: who, when, what changed",
            description = "Oldest first, one entry per version (the ETag the event had then). Editors and admins see "
                    + "any event's; a partner its organization's only. Another organization's event that is not public "
                    + "is a 404, as a missing one.")
    @APIResponse(responseCode = "200", description = "One page of the history",
            content = @Content(schema = @Schema(implementation = EventHistoryPage.class),
                    examples = @ExampleObject(name = "retitled", value = """
                            {"items":[{"version":1,"at":"2026-11-02T09:00:00Z","actor":"partner-42","action":"SUBMITTED",
                            "changes":{"titleFr":{"from":null,"to":"IA Dates"}},"restoredFrom":null},
                            {"version":3,"at":"2026-11-05T10:00:00Z","actor":"partner-42","action":"UPDATED",
                            "changes":{"titleFr":{"from":"IA Dates","to":"IA Dates : santé"}},"restoredFrom":null}],
                            "nextCursor":null}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<Revision> history(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        Event event = Event.find(id).filter(catalogue::canSee).orElseThrow(() -> EventCatalogue.notFound(id));
        if (!actor.hasRole(Roles.EDITOR)) {
            actor.requireActsFor(event.organizerId == null ? null : event.organizerId.toString());
        }
        List<String> after = Cursor.decode(cursor, 1);
        long afterVersion = after.isEmpty() ? 0 : Cursor.number(after.get(0));
        return Page.fromKeyset(EventRevision.page(id, afterVersion, limit + 1), limit,
                revision -> List.of(Long.toString(revision.version)), this::view);
    }

    @POST
    @Path("{version}/restore")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR })
    @Operation(operationId = "restoreEventVersion", summary = "Roll an event back to an earlier version",
            description = "Editors only; needs `If-Match` with the event's current ETag. The event takes again the "
                    + "content it had at `version` (title, texts, dates, place, links, status, recurrence, organizer) as a "
                    + "new version recorded as RESTORED; its moderation state stays as it is, and a published event "
                    + "announces `updated` (or `cancelled`) as for any edit. Sessions and single-occurrence changes are "
                    + "not versioned and stay as they are.")
    @APIResponse(responseCode = "200", description = "Restored",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response restore(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @PathParam("version") @Parameter(description = "The version to go back to, as listed in the history",
                    example = "3") long version,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch) {
        Event event = catalogue.restore(id, Versions.requireIfMatch(ifMatch), version);
        return Response.ok(EventView.of(event)).tag(Versions.etag(event.version)).build();
    }

    private Revision view(EventRevision revision) {
        return new Revision(revision.version, revision.at, revision.actor, revision.action,
                history.read(revision.changes), revision.restoredFrom);
    }


    @Schema(name = "EventRevision", description = "One version of an event")
    public record Revision(@Schema(description = "The event's version (its ETag) after this change", examples = "3") long version,
            Instant at,
            @Schema(description = "The token subject who made the change, or the seed source") String actor,
            @Schema(examples = "UPDATED", description = "SUBMITTED, IMPORTED, UPDATED, APPROVED, REFUSED, UNPUBLISHED, "
                    + "OCCURRENCE_CHANGED, RESTORED") String action,
            @Schema(type = SchemaType.OBJECT, implementation = Map.class,
                    description = "Changed fields as {field: {from, to}}") JsonNode changes,
            @Schema(nullable = true, description = "For RESTORED, the version whose content came back") Long restoredFrom) {
    }

    @Schema(name = "EventHistoryPage")
    record EventHistoryPage(List<Revision> items, @Schema(nullable = true) String nextCursor) {
    }
}
