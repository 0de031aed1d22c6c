package fr.sudia.directory.organization;

import java.net.URI;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "The region's AI makers")
public class OrganizationResource {

    private final OrganizationRegistry registry;

    OrganizationResource(OrganizationRegistry registry) {
        this.registry = registry;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "registerOrganization", summary = "Register an organization",
            description = "Adds an AI maker to the directory and announces it on `directory.organizations.v1`.")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = { @Header(name = "Location", description = "URL of the new organization", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the organization", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response register(@Valid @NotNull RegisterOrganization request) {
        Organization organization = registry.register(request);
        return Response.created(URI.create("/api/v1/organizations/" + organization.id))
                .tag(etag(organization))
                .entity(OrganizationView.of(organization))
                .build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getOrganization", summary = "Get an organization's public profile")
    @APIResponse(responseCode = "200", description = "The organization",
            headers = @Header(name = "ETag", description = "Version of the organization", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Organization id") UUID id) {
        Organization organization = Organization.<Organization>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No organization " + id + " in the directory."));
        return Response.ok(OrganizationView.of(organization)).tag(etag(organization)).build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "listOrganizations", summary = "List organizations by name",
            description = "Pages through every organization, by name. Pass `nextCursor` back as `cursor` for the next page.")
    @APIResponse(responseCode = "200", description = "One page of organizations",
            content = @Content(schema = @Schema(implementation = OrganizationPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<OrganizationView> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        return Page.fromKeyset(Organization.pageByName(after, limit + 1), limit,
                o -> List.of(o.name.toLowerCase(), o.id.toString()), OrganizationView::of);
    }

    private static EntityTag etag(Organization organization) {
        return new EntityTag(Long.toString(organization.version));
    }

    /** For the OpenAPI document: a page's concrete type. */
    @Schema(name = "OrganizationPage")
    record OrganizationPage(List<OrganizationView> items, @Schema(nullable = true) String nextCursor) {
    }
}
