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

@Path("/api/v1/calls/{id}/nominations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Nominations", description = "Nominations for the prize of the year, shortlisted by the jury")
public class NominationResource {

    private final Nominations nominations;

    NominationResource(Nominations nominations) {
        this.nominations = nominations;
    }

    @POST
        @Authenticated
    @Operation(operationId = "nominateForPrize", summary = "Nominate a person or a project for the prize",
            description = "Anyone authenticated, while the prize of the year is open (409 for another kind of call or "
                    + "after the deadline). Audited.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NominationInput.class), examples = @ExampleObject(name = "project", value = """
            {"nomineeKind":"PROJECT","nomineeName":"HarcèlementStop","category":"Projet IA de l'année","reason":"Un projet lycéen exemplaire."}""")))
    @APIResponse(responseCode = "201", description = "Nominated",
            headers = @Header(name = "Location", description = "URL of the call's nominations", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = NominationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response nominate(@PathParam("id") @Parameter(description = "Call id") UUID id, @Valid @NotNull NominationInput input) {
        Nomination nomination = nominations.nominate(id, input);
        return Locations.created("/api/v1/calls/" + id + "/nominations").entity(NominationView.of(nomination)).build();
    }

    @GET
        @Authenticated
    @Operation(operationId = "listPrizeNominations", summary = "The prize's nominations",
            description = "Staff and the call's jurors see all; anyone else the nominations they made. Newest first.")
    @APIResponse(responseCode = "200", description = "One page of nominations")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<NominationView> list(@PathParam("id") @Parameter(description = "Call id") UUID id,
            @QueryParam("shortlisted") @Parameter(description = "Only shortlisted (true) or not (false)") Boolean shortlisted,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        return nominations.list(id, shortlisted, limit, cursor);
    }
}
