package fr.sudia.impact.declared;

import java.util.List;
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

import fr.sudia.impact.indicator.Indicators;
import fr.sudia.impact.publication.PublicReads;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.http.Locations;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/declared-figures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Declared figures", description = "Figures admins declare from sources, always shown apart from measured ones")
public class DeclaredFigureResource {

    private final DeclaredFigures declaredFigures;
    private final Indicators indicators;
    private final PublicReads publicReads;

    DeclaredFigureResource(DeclaredFigures declaredFigures, Indicators indicators, PublicReads publicReads) {
        this.declaredFigures = declaredFigures;
        this.indicators = indicators;
        this.publicReads = publicReads;
    }

    @Schema(name = "DeclaredFigurePage", description = "An indicator's declared figures, by period (all of them)")
    public record DeclaredFigurePage(List<DeclaredFigureView> items, @Schema(nullable = true) String nextCursor) {
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(operationId = "listDeclaredFigures", summary = "List an indicator's declared figures",
            description = "By end of period. Cacheable: ETag and Cache-Control, 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = DeclaredFigurePage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response list(@QueryParam("indicatorId") @NotBlank @Parameter(required = true, example = "people-made-aware") String indicatorId,
            @Context Request request) {
        indicators.find(indicatorId);
        return publicReads.json(request, "declared/" + indicatorId,
                () -> new Page<>(declaredFigures.of(indicatorId).stream().map(DeclaredFigureView::of).toList(), null));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "declareFigure", summary = "Declare a figure from a source",
            description = "In the indicator's unit, over a period whose end is not before its start, with its scope and "
                    + "source. It is shown apart from the measured figures, never added to them.")
    @APIResponse(responseCode = "201", description = "Declared",
            headers = @Header(name = "Location", description = "URL of the figure", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DeclaredFigureView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response declare(@Valid @NotNull DeclaredFigureForm form) {
        DeclaredFigure figure = declaredFigures.declare(form);
        return Locations.created("/api/v1/declared-figures/" + figure.id).tag(Versions.etag(figure.version))
                .entity(DeclaredFigureView.of(figure)).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Transactional
    @Operation(operationId = "getDeclaredFigure", summary = "Get a declared figure",
            description = "Its ETag is its version, the If-Match of updates; 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The figure",
            content = @Content(schema = @Schema(implementation = DeclaredFigureView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(example = "9b2f3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
            @Context Request request) {
        DeclaredFigure figure = declaredFigures.find(id);
        return publicReads.versioned(request, figure.version, DeclaredFigureView.of(figure));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateDeclaredFigure", summary = "Change a declared figure",
            description = "Checked as on declaration; If-Match carries the version read.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = DeclaredFigureView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") @Parameter(example = "9b2f3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read", example = "\"0\"") String ifMatch,
            @Valid @NotNull DeclaredFigureForm form) {
        long expected = Versions.requireIfMatch(ifMatch);
        DeclaredFigure figure = declaredFigures.update(id, expected, form);
        return Response.ok(DeclaredFigureView.of(figure)).tag(Versions.etag(figure.version)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteDeclaredFigure", summary = "Remove a declared figure")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response delete(@PathParam("id") @Parameter(example = "9b2f3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read", example = "\"0\"") String ifMatch) {
        declaredFigures.delete(id, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }
}
