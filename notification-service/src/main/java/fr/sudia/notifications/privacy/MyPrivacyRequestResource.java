package fr.sudia.notifications.privacy;

import java.net.URI;
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

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A person's requests about their own data: known by their token's subject, and by its email only when the token
 * says it is verified (as the contact book does); they see only their own requests.
 */
@Path("/api/v1/me/privacy-requests")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "Privacy requests", description = "GDPR access (art. 15) and erasure (art. 17) requests, carried out by every service")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthorized")
public class MyPrivacyRequestResource {

    private final PrivacyDesk desk;
    private final JsonWebToken token;

    MyPrivacyRequestResource(PrivacyDesk desk, JsonWebToken token) {
        this.desk = desk;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMyPrivacyRequest", summary = "Ask for a copy of your data, or its erasure, in every service",
            description = "About your account: your token's subject, and its email if the token says it is verified.")
    @APIResponse(responseCode = "201", description = "Recorded and sent",
            content = @Content(schema = @Schema(implementation = PrivacyRequestView.class)))
    public Response create(@Valid @NotNull MyPrivacyRequestForm form) {
        Object verified = token.getClaim("email_verified");
        boolean isVerified = Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified));
        String claim = token.getClaim("email");
        String email = isVerified && claim != null && !claim.isBlank() ? claim.strip().toLowerCase(Locale.ROOT) : null;
        PrivacyRequest request = desk.open(form.kind(), email, token.getSubject(), token.getSubject(), true, null);
        return Response.created(URI.create("/api/v1/me/privacy-requests/" + request.id)).entity(desk.view(request)).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMyPrivacyRequest", summary = "See your request and which services confirmed it")
    @APIResponse(responseCode = "200", description = "Your request",
            content = @Content(schema = @Schema(implementation = PrivacyRequestView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PrivacyRequestView get(@PathParam("id") @Parameter(example = PrivacyRequestResource.EXAMPLE_ID) UUID id) {
        return desk.view(own(id));
    }

    @GET
    @Path("{id}/export")
    @Operation(operationId = "getMyPrivacyRequestExport", summary = "Download your data gathered from every service",
            description = "Your ACCESS request once completed, for sudia.privacy.export-retention (30 days by default).")
    @APIResponse(responseCode = "200", description = "The export: every service's data sets, and a summary",
            content = @Content(schema = @Schema(implementation = PrivacyExport.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public PrivacyExport export(@PathParam("id") @Parameter(example = PrivacyRequestResource.EXAMPLE_ID) UUID id) {
        return desk.export(own(id));
    }

    /** The caller's own request; anyone else's is not found, so that its existence is not told. */
    private PrivacyRequest own(UUID id) {
        PrivacyRequest request = PrivacyRequest.findById(id);
        if (request == null || !request.selfService || !token.getSubject().equals(request.requestedBy)) {
            throw new NotFoundException("No privacy request " + id + ".");
        }
        return request;
    }
}
