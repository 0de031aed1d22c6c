package fr.sudia.events.search;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventView;
import fr.sudia.events.organizer.Organizer;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Delta sync: what changed since a time, so that a partner can mirror the public calendar. */
@Path("/api/v1/events/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class ChangesResource {

    @Schema(name = "EventChange", description = "A published event as it is now, or a deletion marker")
    public record Change(UUID id, Instant updatedAt,
            @Schema(description = "true: the event is no longer public; remove it from your copy") boolean deleted,
            @Schema(nullable = true) EventView event) {
    }

    @Schema(name = "EventChangesPage")
    public record ChangesPage(List<Change> items, @Schema(nullable = true) String nextCursor) {
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(operationId = "listEventChanges", summary = "Events changed since a time (delta sync)",
            description = "Every event that is or was public, changed after `updatedSince`, by time of change: published "
                    + "ones in full, unpublished ones as deletion markers. Keep the last `updatedAt` you saw and ask again "
                    + "from it; follow `nextCursor` within one sync.")
    @APIResponse(responseCode = "200", description = "One page of changes", content = @Content(schema = @Schema(implementation = ChangesPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ChangesPage changes(
            @QueryParam("updatedSince") @Parameter(description = "An ISO instant; everything when absent",
                    example = "2026-02-01T00:00:00Z") String updatedSince,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        Instant since;
        try {
            since = updatedSince == null ? Instant.EPOCH : Instant.parse(updatedSince);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("updatedSince: must be an ISO instant such as 2026-02-01T00:00:00Z.");
        }
        List<String> after = Cursor.decode(cursor, 2);
        Instant afterTime = since;
        UUID afterId = new UUID(0, 0);
        if (!after.isEmpty()) {
            try {
                afterTime = Instant.parse(after.get(0));
            } catch (DateTimeParseException e) {
                throw new BadRequestException("The cursor parameter is not one this list issued; start again without it.");
            }
            afterId = Cursor.uuid(after.get(1));
        }
        List<Event> rows = Event.find("publishedAt is not null and (updatedAt > ?1 or (updatedAt = ?1 and id > ?2)) "
                + "order by updatedAt, id", afterTime, afterId).page(0, limit + 1).list();
        Map<UUID, Organizer> organizers = EventSearch.organizers(rows);
        Page<Change> page = Page.fromKeyset(rows, limit, e -> List.of(e.updatedAt.toString(), e.id.toString()),
                e -> e.isPublic() ? new Change(e.id, e.updatedAt, false, EventView.of(e, e.organizerId == null ? null : organizers.get(e.organizerId)))
                        : new Change(e.id, e.updatedAt, true, null));
        return new ChangesPage(page.items(), page.nextCursor());
    }
}
