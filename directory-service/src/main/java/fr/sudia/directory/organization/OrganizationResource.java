package fr.sudia.directory.organization;

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

import fr.sudia.directory.search.OrganizationSearch;
import fr.sudia.directory.search.SearchParameters;
import fr.sudia.directory.search.SearchResult;
import fr.sudia.platform.http.Locations;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "The region's AI actors: profiles, their changes and moderation")
public class OrganizationResource {

    private final OrganizationRegistry registry;
    private final OrganizationSearch organizationSearch;

    OrganizationResource(OrganizationRegistry registry, OrganizationSearch organizationSearch) {
        this.registry = registry;
        this.organizationSearch = organizationSearch;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "registerOrganization", summary = "Register an organization",
            description = "Adds an AI actor to the directory. An editor's entry is public at once; a member's waits "
                    + "for an editor (moderationStatus PENDING). Announced on `directory.organizations.v1`.")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = { @Header(name = "Location", description = "URL of the new organization", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response register(@Valid @NotNull OrganizationProfile profile) {
        Organization organization = registry.register(profile);
        return Locations.created("/api/v1/organizations/" + organization.id)
                .tag(Versions.etag(organization.version))
                .entity(OrganizationView.of(organization))
                .build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getOrganization", summary = "Get an organization's profile",
            description = "Public for published organizations; an entry waiting for moderation is visible only to "
                    + "editors and to the member who represents it. `awards` lists the awards won in the Région's "
                    + "competitive calls (from `funding.calls.v1`).")
    @APIResponse(responseCode = "200", description = "The organization",
            headers = @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Organization id") UUID id) {
        Organization organization = visible(id);
        List<OrganizationView.Award> awards = fr.sudia.directory.award.OrganizationAward.of(organization.id).stream()
                .map(a -> new OrganizationView.Award(a.awardTitle, a.callId, a.callKind, a.callTitle, a.editionYear, a.theme,
                        a.category, a.amountEur, a.publishedAt.withOffsetSameInstant(java.time.ZoneOffset.UTC)))
                .toList();
        return Response.ok(OrganizationView.of(organization).withAwards(awards)).tag(Versions.etag(organization.version)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateOrganization", summary = "Replace an organization's profile",
            description = "Needs `If-Match` with the ETag read. A member may change only its own organization; on a "
                    + "public profile its change waits for an editor (202, `changePending`).")
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "202", description = "Change recorded, waiting for an editor",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch,
            @Valid @NotNull OrganizationProfile profile) {
        Organization organization = registry.update(id, Versions.requireIfMatch(ifMatch), profile);
        boolean waiting = organization.pendingChange != null;
        return Response.status(waiting ? Response.Status.ACCEPTED : Response.Status.OK)
                .tag(Versions.etag(organization.version)).entity(OrganizationView.of(organization)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "removeOrganization", summary = "Remove an organization from the directory",
            description = "Needs `If-Match`. The organization disappears from the directory; its history is kept. "
                    + "Announced as `removed` on `directory.organizations.v1`.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response remove(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch) {
        registry.remove(id, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @PermitAll
    // The search reads the search index (memory-mapped), never the database: it runs on the I/O thread, without
    // a hand-off to a worker thread.
    @NonBlocking
    @Operation(operationId = "searchOrganizations", summary = "Search the public organizations",
            description = "Finds public organizations by free text (`q`, French, ignoring accents and forgiving typos "
                    + "in names), filters and distance. Values of one repeated filter are alternatives (OR); different "
                    + "filters all apply (AND). Ordered by relevance when `q` is given, else by name; `sort=distance` "
                    + "orders by distance from `near`. Pages follow a keyset: pass `nextCursor` back as `cursor` with the "
                    + "same parameters; organizations added meanwhile never shift the pages: none is shown twice, and those "
                    + "added behind the current position are simply not shown. "
                    + "`facets` counts every organization found (not just the page), all filters applied, including "
                    + "that facet's own: `kind` and `labelled` add up to `total`. A bad parameter is a 400 naming it.")
    @APIResponse(responseCode = "200", description = "One page of organizations, and the facets of the whole result",
            content = @Content(schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public SearchResult list(
            @BeanParam SearchParameters search,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        return organizationSearch.search(search.toRequest(limit), cursor);
    }

    private Organization visible(UUID id) {
        Organization organization = Organization.findLive(id).orElseThrow(() -> OrganizationRegistry.notFound(id));
        if (!organization.isPublic() && !registry.canSeeUnpublished(organization)) {
            throw OrganizationRegistry.notFound(id);
        }
        return organization;
    }
}
