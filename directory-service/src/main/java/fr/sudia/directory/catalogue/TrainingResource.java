package fr.sudia.directory.catalogue;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.platform.http.Locations;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/trainings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Trainings", description = "AI training programmes of the region's universities, schools and training bodies")
public class TrainingResource {

    private final Catalogue catalogue;

    TrainingResource(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listTrainings", summary = "List public AI trainings by name",
            description = "Optionally of one organization, or whose name or description contains `q`.")
    @APIResponse(responseCode = "200", description = "One page of trainings",
            content = @Content(schema = @Schema(implementation = TrainingPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<TrainingView> list(@QueryParam("organizationId") @Parameter(description = "Only this organization's") UUID organizationId,
            @QueryParam("q") @Parameter(description = "Text in the name, institution or city, ignoring case and accents", example = "master") String q,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        CatalogueQueries.Filter filter = CatalogueQueries.publicEntries(organizationId, q, Cursor.decode(cursor, 2),
                CatalogueQueries.foldedColumn("name") + " like :q or " + CatalogueQueries.foldedColumn("institution")
                        + " like :q or " + CatalogueQueries.foldedColumn("city") + " like :q");
        List<Training> rows = Training.<Training>find(filter.where(), filter.parameters()).page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, t -> CatalogueQueries.sortKey(t.name, t.id), TrainingView::of);
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "addTraining", summary = "Add a training to an organization",
            description = "A member adds to its own organization only, and its entry waits for an editor.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response add(@Valid @NotNull TrainingInput input) {
        Training training = catalogue.add(apply(new Training(), input), input.organizationId(), input);
        return Locations.created("/api/v1/trainings/" + training.id).tag(Versions.etag(training.version))
                .entity(TrainingView.of(training)).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getTraining", summary = "Get a training")
    @APIResponse(responseCode = "200", description = "The training", content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Training id") UUID id) {
        Training training = catalogue.visible(Training.class, id);
        return Response.ok(TrainingView.of(training)).tag(Versions.etag(training.version)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateTraining", summary = "Replace a training",
            description = "Needs `If-Match` with the ETag read. An editor's change applies at once; a member's change to "
                    + "a published training waits for an editor like a new entry (202, `changePending`) while the public "
                    + "keep seeing the approved version. Another organization's training that is not public is a 404.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "202", description = "Change recorded, waiting for an editor; the training shown is the approved version",
            content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch,
            @Valid @NotNull TrainingInput input) {
        Training training = catalogue.change(Training.class, id, Versions.requireIfMatch(ifMatch), input,
                t -> apply(t, input));
        return Response.status(training.pendingChange != null ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(TrainingView.of(training)).tag(Versions.etag(training.version)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "removeTraining", summary = "Remove a training", description = "Needs `If-Match` with the ETag read.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response remove(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch) {
        catalogue.remove(Training.class, id, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    /** Also applies a pending change an editor approves. */
    public static Training apply(Training training, TrainingInput input) {
        if (!input.organizationId().equals(training.organizationId) && training.organizationId != null) {
            throw new jakarta.ws.rs.BadRequestException("A training cannot move to another organization.");
        }
        training.name = input.name().strip();
        training.level = input.level();
        training.institution = input.institution().strip();
        training.city = input.city().strip();
        training.descriptionFr = input.descriptionFr();
        training.website = input.website();
        return training;
    }

    @Schema(name = "TrainingPage")
    record TrainingPage(List<TrainingView> items, @Schema(nullable = true) String nextCursor) {
    }
}
