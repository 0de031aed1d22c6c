package fr.sudia.funding.request;

import java.util.ArrayList;
import java.util.Collection;
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

import fr.sudia.funding.scheme.Scheme;
import fr.sudia.funding.time.DeskTime;
import fr.sudia.platform.http.Locations;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/routing-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Routing rules", description = "Which partners' advisors receive which requests (admins)")
public class RoutingRuleResource {

    private static final String EXAMPLE = """
            {"partner":"Bpifrance Marseille","advisor":"advisor-bpi-1","pillars":["FINANCIAL"],
             "departments":["13","83"],"companyCategories":["PME","ETI"]}""";

    private final DeskTime time;

    RoutingRuleResource(DeskTime time) {
        this.time = time;
    }

    @GET
    @Operation(operationId = "listRoutingRules", summary = "List the routing rules",
            description = "In creation order, one page at a time (follow `nextCursor`).")
    @APIResponse(responseCode = "200", description = "One page of rules",
            content = @Content(schema = @Schema(implementation = RoutingRulePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Page<RoutingRuleView> list(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        List<RoutingRule> rows = after.isEmpty()
                ? RoutingRule.<RoutingRule>find("order by createdAt, id").page(0, limit + 1).list()
                : RoutingRule.<RoutingRule>find("createdAt > ?1 or (createdAt = ?1 and id > ?2) order by createdAt, id",
                        Cursor.time(after.get(0)), Cursor.uuid(after.get(1))).page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, rule -> List.of(rule.createdAt.toString(), rule.id.toString()),
                RoutingRuleView::of);
    }

    /** The shape of {@link #list}'s answer, for the OpenAPI document. */
    record RoutingRulePage(@Schema(required = true) List<RoutingRuleView> items, @Schema(nullable = true) String nextCursor) {
    }

    @POST
    @Transactional
    @Operation(operationId = "createRoutingRule", summary = "Add a routing rule",
            description = "Applies to requests submitted from now on. Targeted schemes must exist.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RoutingRuleInput.class),
            examples = @ExampleObject(name = "bpi", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added",
            headers = { @Header(name = "Location", description = "URL of the rule", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = RoutingRuleView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response create(@Valid @NotNull RoutingRuleInput input) {
        RoutingRule rule = new RoutingRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = time.now();
        apply(rule, input);
        rule.persist();
        return Locations.created("/api/v1/routing-rules/" + rule.id).tag(Versions.etag(rule.version))
                .entity(RoutingRuleView.of(rule)).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(operationId = "updateRoutingRule", summary = "Replace a routing rule", description = "Needs `If-Match`.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RoutingRuleInput.class),
            examples = @ExampleObject(name = "bpi", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = RoutingRuleView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") @Parameter(description = "Rule id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch,
            @Valid @NotNull RoutingRuleInput input) {
        RoutingRule rule = current(id, Versions.requireIfMatch(ifMatch));
        apply(rule, input);
        rule.flush();
        return Response.ok(RoutingRuleView.of(rule)).tag(Versions.etag(rule.version)).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(operationId = "deleteRoutingRule", summary = "Delete a routing rule",
            description = "Needs `If-Match`. Requests already routed keep their advisors.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response delete(@PathParam("id") @Parameter(description = "Rule id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch) {
        current(id, Versions.requireIfMatch(ifMatch)).delete();
        return Response.noContent().build();
    }

    private static RoutingRule current(UUID id, long expectedVersion) {
        RoutingRule rule = RoutingRule.<RoutingRule>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("Routing rule " + id + " does not exist."));
        Versions.requireCurrent("Routing rule " + id, rule.version, expectedVersion);
        return rule;
    }

    private static void apply(RoutingRule rule, RoutingRuleInput input) {
        List<UUID> schemes = sorted(input.schemeIds());
        List<UUID> unknown = schemes.stream().filter(id -> Scheme.findById(id) == null).toList();
        if (!unknown.isEmpty()) {
            throw new BadRequestException("Unknown scheme(s): " + unknown + ".");
        }
        rule.partner = input.partner().strip();
        rule.advisor = input.advisor().strip();
        rule.pillars = names(input.pillars());
        rule.schemeIds = new ArrayList<>(schemes);
        rule.departments = new ArrayList<>(sorted(input.departments()));
        rule.companyCategories = names(input.companyCategories());
        rule.active = input.active() == null || input.active();
    }

    private static ArrayList<String> names(Collection<? extends Enum<?>> values) {
        return new ArrayList<>(values == null ? List.of() : values.stream().map(Enum::name).sorted().toList());
    }

    private static <T extends Comparable<T>> List<T> sorted(Collection<T> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }
}
