package fr.sudia.impact.rebuild;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.platform.http.Locations;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/rebuilds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Rebuilds", description = "Rebuilding the read model from the topics (ops)")
public class RebuildResource {

    private final Rebuilder rebuilder;

    RebuildResource(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @POST
    @Operation(operationId = "startRebuild", summary = "Rebuild the read model from the topics",
            description = "Drops the measured facts and replays the five consumed topics from their start (the topics keep "
                    + "every record for that: compacted or unlimited retention). Runs in the background: follow it at the "
                    + "Location. Figures read meanwhile are partial. One at a time per instance.")
    @APIResponse(responseCode = "202", description = "Started",
            headers = @Header(name = "Location", description = "URL of the rebuild", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Rebuild.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response start() {
        Rebuild rebuild = rebuilder.start();
        return Locations.accepted("/api/v1/rebuilds/" + rebuild.id()).entity(rebuild).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getRebuild", summary = "Follow a rebuild",
            description = "Its state (RUNNING, DONE, FAILED) and counts, on the instance that runs it.")
    @APIResponse(responseCode = "200", description = "The rebuild",
            content = @Content(schema = @Schema(implementation = Rebuild.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Rebuild get(@PathParam("id") @Parameter(example = "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f") UUID id) {
        return rebuilder.find(id);
    }
}
