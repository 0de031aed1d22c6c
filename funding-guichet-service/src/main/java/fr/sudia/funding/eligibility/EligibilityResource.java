package fr.sudia.funding.eligibility;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.platform.security.CurrentActor;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility", description = "Which schemes a company can claim, and why")
public class EligibilityResource {

    static final int MAX_LIMIT = 2_000;

    private final EligibilityService eligibility;
    private final CurrentActor actor;

    EligibilityResource(EligibilityService eligibility, CurrentActor actor) {
        this.eligibility = eligibility;
        this.actor = actor;
    }

    @POST
    @Path("matches")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "matchProfile", summary = "Rank the schemes for a company profile",
            description = "Public. Checks every published scheme's conditions against the profile: each condition "
                    + "PASS, FAIL or UNKNOWN (a fact the profile lacks), with the reason. Ranked eligible first, then "
                    + "possibly eligible, then not eligible; the same profile always gets the same answer on a given day.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CompanyProfile.class), examples = @ExampleObject(
            name = "startupInNice", value = """
                    {"headcount":5,"annualTurnoverEur":400000,"foundedYear":2023,"legalForm":"SAS","nafCode":"62.01Z",
                     "department":"06","sectors":["HEALTH"],"stage":"SEED","holdsLabel":false}""")))
    @APIResponse(responseCode = "200", description = "The schemes ranked with their explanations",
            content = @Content(schema = @Schema(implementation = MatchResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<MatchResult> matchProfile(
            @QueryParam("openOnly") @DefaultValue("false") @Parameter(description = "Only schemes open today") boolean openOnly,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_LIMIT)
            @Parameter(description = "How many ranked schemes to return, 1 to 2000 (totals count them all)") int limit,
            @Valid @NotNull CompanyProfile profile) {
        // Returning a Uni runs this on the event loop: no worker thread hand-off for a call that is pure computation.
        return eligibility.matchWithoutBlocking(profile, openOnly, limit);
    }

    @GET
    @Path("organizations/{organizationId}/matches")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "matchOrganization", summary = "Rank the schemes for a directory organization",
            description = "The profile is the directory's entry as the desk knows it (from `directory.organizations.v1` "
                    + "and `label.labels.v1`): headcount band, founding year, NAF code, department, sectors, label. Facts "
                    + "the directory does not hold (turnover, legal form, stage) make their conditions UNKNOWN. A member "
                    + "may ask only for its own organization.")
    @APIResponse(responseCode = "200", description = "The schemes ranked with their explanations",
            content = @Content(schema = @Schema(implementation = MatchResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MatchResult matchOrganization(
            @PathParam("organizationId") @Parameter(description = "Directory organization id") UUID organizationId,
            @QueryParam("openOnly") @DefaultValue("false") @Parameter(description = "Only schemes open today") boolean openOnly,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_LIMIT)
            @Parameter(description = "How many ranked schemes to return, 1 to 2000 (totals count them all)") int limit) {
        if (!actor.hasRole(Roles.ADVISOR)) {
            actor.requireActsFor(organizationId.toString());
        }
        return eligibility.match(eligibility.profileOf(organizationId), openOnly, limit);
    }
}
