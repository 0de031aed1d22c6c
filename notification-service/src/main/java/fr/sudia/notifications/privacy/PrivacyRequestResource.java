package fr.sudia.notifications.privacy;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
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

/** The privacy desk for admins: requests about a person whose identity they verified, sent to every service. */
@Path("/api/v1/privacy-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Privacy requests", description = "GDPR access (art. 15) and erasure (art. 17) requests, carried out by every service")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class PrivacyRequestResource {

    static final String EXAMPLE_ID = "5b0e4c1e-8f0a-4c59-9d5e-2f1f3d7b6a10";

    private final PrivacyDesk desk;
    private final JsonWebToken token;

    PrivacyRequestResource(PrivacyDesk desk, JsonWebToken token) {
        this.desk = desk;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPrivacyRequest", summary = "Ask every service for a person's data, or to erase it",
            description = "For a person whose identity was verified (say how in verificationNote), known by email, token "
                    + "subject or both. Sent to every service at once, and again until each has confirmed.")
    @APIResponse(responseCode = "201", description = "Recorded and sent",
            content = @Content(schema = @Schema(implementation = PrivacyRequestView.class)))
    public Response create(@Valid @NotNull PrivacyRequestForm form) {
        String email = form.email() == null || form.email().isBlank() ? null : form.email().strip().toLowerCase(Locale.ROOT);
        String subject = form.subject() == null || form.subject().isBlank() ? null : form.subject().strip();
        PrivacyRequest request = desk.open(form.kind(), email, subject, token.getSubject(), false, form.verificationNote().strip());
        return Response.created(URI.create("/api/v1/privacy-requests/" + request.id)).entity(desk.view(request)).build();
    }

    @GET
    @Operation(operationId = "listPrivacyRequests", summary = "List the privacy requests, newest first")
    @APIResponse(responseCode = "200", description = "A page of requests",
            content = @Content(schema = @Schema(implementation = PrivacyRequestList.class)))
    public PrivacyRequestList list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        List<PrivacyRequest> rows = desk.list(Cursor.decode(cursor, 2), limit + 1);
        Page<PrivacyRequestView> page = Page.fromKeyset(rows, limit, r -> List.of(r.createdAt.toString(), r.id.toString()),
                desk::view);
        return new PrivacyRequestList(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPrivacyRequest", summary = "See a privacy request and which services confirmed it")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(schema = @Schema(implementation = PrivacyRequestView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PrivacyRequestView get(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
        return desk.view(desk.find(id));
    }

    @GET
    @Path("{id}/export")
    @Operation(operationId = "getPrivacyRequestExport", summary = "Download the person's data gathered from every service",
            description = "ACCESS requests once completed, for sudia.privacy.export-retention (30 days by default).")
    @APIResponse(responseCode = "200", description = "The export: every service's data sets, and a summary",
            content = @Content(schema = @Schema(implementation = PrivacyExport.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public PrivacyExport export(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
        return desk.export(desk.find(id));
    }
}
