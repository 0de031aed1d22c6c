package fr.sudia.funding.call;

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

import fr.sudia.platform.http.Locations;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/nominations/{id}/shortlist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Nominations", description = "Nominations for the prize of the year, shortlisted by the jury")
public class ShortlistResource {

    private final Nominations nominations;

    ShortlistResource(Nominations nominations) {
        this.nominations = nominations;
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.REVIEWER, Roles.JUROR })
    @Operation(operationId = "shortlistNomination", summary = "Shortlist a nomination",
            description = "By the call's jury or staff, from the close of nominations to the results. Audited.")
    @APIResponse(responseCode = "200", description = "Shortlisted", content = @Content(schema = @Schema(implementation = NominationView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public NominationView shortlist(@PathParam("id") @Parameter(description = "Nomination id") UUID id) {
        return NominationView.of(nominations.shortlist(id, true));
    }

    @DELETE
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.REVIEWER, Roles.JUROR })
    @Operation(operationId = "unshortlistNomination", summary = "Take a nomination off the shortlist")
    @APIResponse(responseCode = "200", description = "Off the shortlist", content = @Content(schema = @Schema(implementation = NominationView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public NominationView unshortlist(@PathParam("id") @Parameter(description = "Nomination id") UUID id) {
        return NominationView.of(nominations.shortlist(id, false));
    }
}
