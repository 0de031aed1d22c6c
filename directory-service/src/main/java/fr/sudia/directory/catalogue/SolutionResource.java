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

import fr.sudia.directory.taxonomy.Taxonomies;
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

@Path("/api/v1/solutions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Solutions", description = "AI solutions and offers of the region's organizations")
public class SolutionResource {

    private final Catalogue catalogue;

    SolutionResource(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listSolutions", summary = "List public AI solutions by name",
            description = "Optionally of one organization, or whose name or description contains `q`.")
    @APIResponse(responseCode = "200", description = "One page of solutions",
            content = @Content(schema = @Schema(implementation = SolutionPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<SolutionView> list(@QueryParam("organizationId") @Parameter(description = "Only this organization's") UUID organizationId,
            @QueryParam("q") @Parameter(description = "Text in the name or description, ignoring case and accents", example = "mammographie") String q,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        CatalogueQueries.Filter filter = CatalogueQueries.publicEntries(organizationId, q, Cursor.decode(cursor, 2),
                CatalogueQueries.foldedColumn("name") + " like :q or " + CatalogueQueries.foldedColumn("descriptionFr")
                        + " like :q or " + CatalogueQueries.foldedColumn("descriptionEn") + " like :q");
        List<Solution> rows = Solution.<Solution>find(filter.where(), filter.parameters()).page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, s -> CatalogueQueries.sortKey(s.name, s.id), SolutionView::of);
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "addSolution", summary = "Add a solution to an organization",
            description = "A member adds to its own organization only, and its entry waits for an editor.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = SolutionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response add(@Valid @NotNull SolutionInput input) {
        Solution solution = catalogue.add(apply(new Solution(), input), input.organizationId(), input);
        return Locations.created("/api/v1/solutions/" + solution.id).tag(Versions.etag(solution.version))
                .entity(SolutionView.of(solution)).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getSolution", summary = "Get a solution")
    @APIResponse(responseCode = "200", description = "The solution", content = @Content(schema = @Schema(implementation = SolutionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Solution id") UUID id) {
        Solution solution = catalogue.visible(Solution.class, id);
        return Response.ok(SolutionView.of(solution)).tag(Versions.etag(solution.version)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateSolution", summary = "Replace a solution",
            description = "Needs `If-Match` with the ETag read. An editor's change applies at once; a member's change to "
                    + "a published solution waits for an editor like a new entry (202, `changePending`) while the public "
                    + "keep seeing the approved version. Another organization's solution that is not public is a 404.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = SolutionView.class)))
    @APIResponse(responseCode = "202", description = "Change recorded, waiting for an editor; the solution shown is the approved version",
            content = @Content(schema = @Schema(implementation = SolutionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch,
            @Valid @NotNull SolutionInput input) {
        Solution solution = catalogue.change(Solution.class, id, Versions.requireIfMatch(ifMatch), input,
                s -> apply(s, input));
        return Response.status(solution.pendingChange != null ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(SolutionView.of(solution)).tag(Versions.etag(solution.version)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "removeSolution", summary = "Remove a solution", description = "Needs `If-Match` with the ETag read.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response remove(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch) {
        catalogue.remove(Solution.class, id, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    /** Also applies a pending change an editor approves. */
    public static Solution apply(Solution solution, SolutionInput input) {
        if (!input.organizationId().equals(solution.organizationId) && solution.organizationId != null) {
            throw new jakarta.ws.rs.BadRequestException("A solution cannot move to another organization.");
        }
        solution.name = input.name().strip();
        solution.descriptionFr = input.descriptionFr();
        solution.descriptionEn = input.descriptionEn();
        solution.useCases = Taxonomies.codes(input.useCases());
        solution.targetCustomers = Taxonomies.codes(input.targetCustomers());
        solution.sectors = Taxonomies.codes(input.sectors());
        return solution;
    }


    @Schema(name = "SolutionPage")
    record SolutionPage(List<SolutionView> items, @Schema(nullable = true) String nextCursor) {
    }
}
