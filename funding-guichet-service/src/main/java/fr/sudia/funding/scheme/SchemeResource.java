package fr.sudia.funding.scheme;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.funding.QueryValues;
import fr.sudia.platform.http.Locations;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import io.smallrye.mutiny.Uni;
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

@Path("/api/v1/schemes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schemes", description = "The catalogue of support and funding schemes open to AI companies")
public class SchemeResource {

    static final String EXAMPLE = """
            {"name":"Mon assistant IA","provider":"Région Sud","level":"REGION","kind":"SUPPORT_PROGRAMME",
             "pillars":["FINANCIAL","HR"],"descriptionFr":"Des solutions pour structurer les données des TPE et optimiser par l'IA chaque fonction de l'entreprise.",
             "envelopeEur":300000,"opensOn":"2025-01-01","ongoing":true,
             "conditions":{"companyCategories":["TPE"],"inRegion":true}}""";

    private final SchemeCatalogue catalogue;
    private final SchemeSearch search;
    private final DeadlinesCalendar calendar;
    private final CurrentActor actor;
    private final SchemeStewards stewards;

    SchemeResource(SchemeCatalogue catalogue, SchemeSearch search, DeadlinesCalendar calendar, CurrentActor actor,
            SchemeStewards stewards) {
        this.actor = actor;
        this.stewards = stewards;
        this.catalogue = catalogue;
        this.search = search;
        this.calendar = calendar;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "publishScheme", summary = "Publish a scheme",
            description = "Adds a scheme to the catalogue. Amounts are never negative, deadlines never before the opening, "
                    + "NAF codes must exist, and eligibility conditions follow the closed EligibilityConditions schema. "
                    + "An advisor publishes for its own provider organization (its token's `org` claim), which becomes the "
                    + "scheme's `providerOrganizationId`; an admin may name any or none. "
                    + "Announced as `published` on `funding.schemes.v1`.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SchemeInput.class),
            examples = @ExampleObject(name = "monAssistantIa", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Published",
            headers = { @Header(name = "Location", description = "URL of the scheme", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response publish(@Valid @NotNull SchemeInput input) {
        Scheme scheme = catalogue.publish(input, stewards.providerFor(input), actor.subject());
        return Locations.created("/api/v1/schemes/" + scheme.id).tag(Versions.etag(scheme.version))
                .entity(catalogue.view(scheme)).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getScheme", summary = "Get a scheme", description = "Public. `open` is computed from the dates today.")
    @APIResponse(responseCode = "200", description = "The scheme",
            headers = @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Scheme id") UUID id) {
        Scheme scheme = SchemeCatalogue.find(id);
        return Response.ok(catalogue.view(scheme)).tag(Versions.etag(scheme.version)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateScheme", summary = "Replace a scheme",
            description = "Needs `If-Match` with the ETag read. An advisor changes only the schemes of its own provider "
                    + "organization (403 otherwise: a scheme is public, so this reveals nothing); admins change any. "
                    + "Announced as `updated` on `funding.schemes.v1`.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SchemeInput.class),
            examples = @ExampleObject(name = "monAssistantIa", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") @Parameter(description = "Scheme id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch,
            @Valid @NotNull SchemeInput input) {
        Scheme scheme = catalogue.update(id, Versions.requireIfMatch(ifMatch), input, stewards, actor.subject());
        return Response.ok(catalogue.view(scheme)).tag(Versions.etag(scheme.version)).build();
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "closeScheme", summary = "Close a scheme",
            description = "Needs `If-Match`. The scheme stays readable but is no longer open nor matched. An advisor "
                    + "closes only the schemes of its own provider organization (403 otherwise); admins close any. "
                    + "Announced as `closed` on `funding.schemes.v1`.")
    @APIResponse(responseCode = "200", description = "Closed",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response close(@PathParam("id") @Parameter(description = "Scheme id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch) {
        Scheme scheme = catalogue.close(id, Versions.requireIfMatch(ifMatch), stewards, actor.subject());
        return Response.ok(catalogue.view(scheme)).tag(Versions.etag(scheme.version)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "removeScheme", summary = "Remove a scheme",
            description = "Admins only, for a scheme published by mistake (close it otherwise). Needs `If-Match`. "
                    + "Announced as `removed` on `funding.schemes.v1`.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response remove(@PathParam("id") @Parameter(description = "Scheme id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch) {
        catalogue.remove(id, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "searchSchemes", summary = "Search the catalogue",
            description = "Public. Free text `q` (French: accents ignored, words stemmed) over name, provider and "
                    + "descriptions; filters (values of one repeated filter are alternatives, different filters all apply); "
                    + "`open=true` keeps schemes accepting applications today, `closingWithinDays=N` those open whose next "
                    + "deadline is within N days. Ordered by relevance with `q`, else by name. `facets` count the whole "
                    + "result. Pass `nextCursor` back as `cursor` with the same parameters for the next page.")
    @APIResponse(responseCode = "200", description = "One page of schemes and the facets of the whole result",
            headers = { @Header(name = "ETag", description = "This answer's version: send it back as If-None-Match",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "public, max-age=60", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = SchemeSearchResult.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent as If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Response> list(
            @QueryParam("q") @Parameter(description = "Words to find", example = "intelligence artificielle TPE") String q,
            @QueryParam("provider") @Parameter(description = "Provider, exactly as written (repeatable)") List<String> providers,
            @QueryParam("level") @Parameter(description = "Level (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = Level.class)) List<String> levels,
            @QueryParam("kind") @Parameter(description = "Kind (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = SchemeKind.class)) List<String> kinds,
            @QueryParam("pillar") @Parameter(description = "360° pillar (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = Pillar.class)) List<String> pillars,
            @QueryParam("open") @Parameter(description = "true: open today; false: not open today") Boolean open,
            @QueryParam("closingWithinDays") @Min(0) @Max(366)
            @Parameter(description = "Open, with the next deadline within this many days", example = "30") Integer closingWithinDays,
            @QueryParam("includeClosed") @DefaultValue("false")
            @Parameter(description = "Also list schemes closed by an editor") boolean includeClosed,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(description = "The ETag of an earlier answer") String ifNoneMatch) {
        return search.respond(new SchemeQuery(q, providers, QueryValues.parse(Level.class, "level", levels),
                QueryValues.parse(SchemeKind.class, "kind", kinds), QueryValues.parse(Pillar.class, "pillar", pillars), open, closingWithinDays, includeClosed, limit),
                cursor, ifNoneMatch);
    }

    @GET
    @Path("deadlines.ics")
    @PermitAll
    @Produces(DeadlinesCalendar.MEDIA_TYPE)
    @Operation(operationId = "getSchemeDeadlines", summary = "Deadlines as an iCalendar feed",
            description = "Public. One all-day event per deadline of the published schemes, from 90 days ago onwards; "
                    + "subscribe to it from any calendar application. The level, kind and pillar filters work as in the search.")
    @APIResponse(responseCode = "200", description = "An iCalendar (RFC 5545) document",
            content = @Content(mediaType = DeadlinesCalendar.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "feed", value = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sud IA//Guichet IA//FR\r\nEND:VCALENDAR\r\n")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public String deadlines(
            @QueryParam("level") @Parameter(description = "Level (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = Level.class)) List<String> levels,
            @QueryParam("kind") @Parameter(description = "Kind (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = SchemeKind.class)) List<String> kinds,
            @QueryParam("pillar") @Parameter(description = "360° pillar (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = Pillar.class)) List<String> pillars) {
        return calendar.render(QueryValues.parse(Level.class, "level", levels), QueryValues.parse(SchemeKind.class, "kind", kinds),
                QueryValues.parse(Pillar.class, "pillar", pillars));
    }
}
