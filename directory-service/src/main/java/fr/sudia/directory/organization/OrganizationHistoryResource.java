package fr.sudia.directory.organization;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/organizations/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations")
public class OrganizationHistoryResource {

    private final CurrentActor actor;
    private final ObjectMapper mapper;

    OrganizationHistoryResource(CurrentActor actor, ObjectMapper mapper) {
        this.actor = actor;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getOrganizationHistory", summary = "Every change to an organization: who, when, what",
            description = "Oldest first. Editors and admins see any organization's; a member its own only.")
    @APIResponse(responseCode = "200", description = "One page of the history",
            content = @Content(schema = @Schema(implementation = HistoryPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<HistoryEntry> history(@PathParam("id") @Parameter(description = "Organization id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        if (!actor.hasRole(Roles.EDITOR)) {
            actor.requireActsFor(id.toString());
        }
        if (Organization.findByIdOptional(id).isEmpty()) {
            throw OrganizationRegistry.notFound(id);
        }
        List<String> after = Cursor.decode(cursor, 1);
        long afterId = after.isEmpty() ? 0 : Cursor.number(after.get(0));
        return Page.fromKeyset(OrganizationHistory.of(id, afterId, limit + 1), limit,
                entry -> List.of(entry.id.toString()), this::view);
    }

    private HistoryEntry view(OrganizationHistory entry) {
        try {
            return new HistoryEntry(entry.at, entry.actor, entry.action, mapper.readTree(entry.changes));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable history entry " + entry.id, e);
        }
    }


    @Schema(name = "HistoryEntry")
    public record HistoryEntry(OffsetDateTime at,
            @Schema(description = "The token subject who made the change") String actor,
            @Schema(examples = "UPDATED", description = "REGISTERED, UPDATED, CHANGE_PROPOSED, CHANGE_APPROVED, "
                    + "CHANGE_REJECTED, APPROVED, REJECTED, REMOVED, LABEL_CHANGED, AWARD_RECEIVED") String action,
            @Schema(type = SchemaType.OBJECT, implementation = java.util.Map.class, description = "Changed fields as {field: {from, to}}, or a note such as a rejection's reason") JsonNode changes) {
    }

    @Schema(name = "HistoryPage")
    record HistoryPage(List<HistoryEntry> items, @Schema(nullable = true) String nextCursor) {
    }
}
