package fr.sudia.label.charter;

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

import fr.sudia.platform.http.Locations;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/charters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Charter", description = "The charter for an ethical, reliable, industrial and sovereign AI, and its signatures")
public class CharterResource {

    private final Charters charters;
    private final CurrentActor actor;

    CharterResource(Charters charters, CurrentActor actor) {
        this.charters = charters;
        this.actor = actor;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCharterVersions", summary = "List the charter's versions",
            description = "Every published version, newest first, including one published ahead of its effective date; "
                    + "one page at a time (follow `nextCursor`).")
    @APIResponse(responseCode = "200", description = "One page of versions",
            content = @Content(schema = @Schema(implementation = CharterPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Page<CharterView> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        List<String> after = Cursor.decode(cursor, 1);
        List<CharterVersion> rows = after.isEmpty()
                ? CharterVersion.<CharterVersion>findAll(Sort.descending("version")).page(0, limit + 1).list()
                : CharterVersion.<CharterVersion>find("version < ?1", Sort.descending("version"),
                        (int) Cursor.number(after.get(0))).page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, charter -> List.of(Integer.toString(charter.version)), CharterView::of);
    }

    @GET
    @Path("current")
    @PermitAll
    @Operation(operationId = "getCurrentCharter", summary = "Get the charter in force",
            description = "The version members sign today and whose questionnaire applications answer.")
    @APIResponse(responseCode = "200", description = "The charter in force",
            content = @Content(schema = @Schema(implementation = CharterView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public CharterView current() {
        return CharterView.of(charters.inForce());
    }

    @GET
    @Path("{version: [0-9]+}")
    @PermitAll
    @Operation(operationId = "getCharterVersion", summary = "Get one version of the charter")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(schema = @Schema(implementation = CharterView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CharterView get(@PathParam("version") @Parameter(description = "Version number", example = "1") int version) {
        return CharterView.of(charters.find(version));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "publishCharterVersion", summary = "Publish a new charter version",
            description = "The version number is the next one; the content hash is computed here. The questionnaire must "
                    + "ask about every principle. Once `effectiveAt` has come, labelled holders have `gracePeriodDays` "
                    + "to sign it, or their label is suspended until they do. A version is never changed afterwards.")
    @APIResponse(responseCode = "201", description = "Published",
            headers = @Header(name = "Location", description = "URL of the version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CharterView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response publish(@Valid @NotNull CharterDraft draft) {
        CharterVersion charter = charters.publish(draft, actor.subject());
        return Locations.created("/api/v1/charters/" + charter.version).entity(CharterView.of(charter)).build();
    }

    @POST
    @Path("{version: [0-9]+}/signatures")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "signCharter", summary = "Sign the charter for an organization",
            description = "A member signs only for its own organization, and only the version in force. The signature "
                    + "keeps the version's content hash; it supersedes the organization's previous one, which stays on "
                    + "record. A label suspended for want of this signature is restored. Announced as "
                    + "`fr.sudia.label.charter.signed` on `label.labels.v1`.")
    @APIResponse(responseCode = "201", description = "Signed",
            content = @Content(schema = @Schema(implementation = SignatureView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response sign(@PathParam("version") @Parameter(description = "Version number", example = "1") int version,
            @Valid @NotNull SignatureRequest request) {
        actor.requireActsFor(request.organizationId().toString());
        CharterSignature signature = charters.sign(version, request, actor.subject());
        return Response.status(Response.Status.CREATED).entity(SignatureView.of(signature)).build();
    }

    @GET
    @Path("signatures")
    @RolesAllowed({ Roles.MEMBER, Roles.REVIEWER, Roles.ADMIN })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listSignatures", summary = "List an organization's signatures",
            description = "Newest first; the first one is in effect, the others are superseded. A member sees only its "
                    + "own organization's.")
    @APIResponse(responseCode = "200", description = "One page of signatures",
            content = @Content(schema = @Schema(implementation = SignaturePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Page<SignatureView> signatures(@QueryParam("organizationId") @NotNull
            @Parameter(description = "Directory organization id", required = true) UUID organizationId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        if (!actor.hasRole(Roles.REVIEWER)) {
            actor.requireActsFor(organizationId.toString());
        }
        List<String> after = Cursor.decode(cursor, 2);
        Sort newestFirst = Sort.descending("signedAt").and("id", Sort.Direction.Descending);
        List<CharterSignature> rows = after.isEmpty()
                ? CharterSignature.<CharterSignature>find("organizationId", newestFirst, organizationId)
                        .page(0, limit + 1).list()
                : CharterSignature.<CharterSignature>find(
                        "organizationId = ?1 and (signedAt < ?2 or (signedAt = ?2 and id < ?3))", newestFirst,
                        organizationId, Cursor.time(after.get(0)), Cursor.uuid(after.get(1))).page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, signature -> List.of(signature.signedAt.toString(), signature.id.toString()),
                SignatureView::of);
    }

    @Schema(name = "CharterPage")
    public record CharterPage(@Schema(required = true) List<CharterView> items, @Schema(nullable = true) String nextCursor) {
    }

    @Schema(name = "SignaturePage")
    public record SignaturePage(@Schema(required = true) List<SignatureView> items,
            @Schema(nullable = true) String nextCursor) {
    }
}
