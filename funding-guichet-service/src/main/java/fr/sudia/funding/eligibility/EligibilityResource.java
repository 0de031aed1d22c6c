package fr.sudia.funding.eligibility;

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

import fr.sudia.platform.concurrency.Versions;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
    @Operation(operationId = "matchProfile", summary = "Rank the schemes for an applicant's profile",
            description = "Public. Checks every published scheme's conditions against the profile (a company, or any "
                    + "beneficiary type: local authority, association, training body, research organization, individual): each condition "
                    + "PASS, FAIL or UNKNOWN (a fact the profile lacks), with the reason. Ranked eligible first, then "
                    + "possibly eligible, then not eligible; the same profile always gets the same answer on a given day.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CompanyProfile.class), examples = {
            @ExampleObject(name = "startupInNice", value = """
                    {"headcount":5,"annualTurnoverEur":400000,"foundedYear":2023,"legalForm":"SAS","nafCode":"62.01Z",
                     "department":"06","sectors":["HEALTH"],"stage":"SEED","holdsLabel":false}"""),
            @ExampleObject(name = "ruralCommune", value = """
                    {"beneficiaryType":"LOCAL_AUTHORITY","localAuthorityKind":"COMMUNE","population":850,
                     "densityLevel":"VERY_SPARSE","department":"04"}"""),
            @ExampleObject(name = "phdStudent", value = """
                    {"beneficiaryType":"INDIVIDUAL","individualStatus":"PHD_STUDENT","department":"13"}""") }))
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
                    + "and `label.labels.v1`): headcount band, founding year, NAF code, department, sectors, label, and the "
                    + "beneficiary type its kind tells, completed by the applicant (`PUT …/beneficiary`). Facts "
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

    @GET
    @Path("organizations/{organizationId}/beneficiary")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getOrganizationBeneficiary", summary = "An organization's beneficiary type and facts",
            description = "The type matching uses for a directory organization: the one its directory kind tells (STARTUP, "
                    + "SME_ETI, LARGE_COMPANY_AI_LAB, INVESTOR → COMPANY; RESEARCH_LAB, UNIVERSITY_SCHOOL → "
                    + "RESEARCH_ORGANIZATION), else the one its applicant declared, with the facts of that type. A member "
                    + "reads only its own organization's (404 for another's).")
    @APIResponse(responseCode = "200", description = "The facts; `ETag` once the applicant completed them",
            headers = @Header(name = "ETag", description = "Version of the completion, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = BeneficiaryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getBeneficiary(@PathParam("organizationId") @Parameter(description = "Directory organization id") UUID organizationId) {
        requireOwn(organizationId, true);
        EligibilityService.BeneficiaryDetailsRead read = eligibility.beneficiary(organizationId);
        Response.ResponseBuilder response = Response.ok(read.view());
        return (read.version() == null ? response : response.tag(Versions.etag(read.version()))).build();
    }

    @PUT
    @Path("organizations/{organizationId}/beneficiary")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeOrganizationBeneficiary", summary = "Complete your organization's beneficiary type and facts",
            description = "By a member of the organization (or an admin). The type must agree with the directory's kind "
                    + "when that tells one (else 400; correct the directory entry instead); a type's facts need that type "
                    + "(a population is a local authority's, Qualiopi a training body's). The first completion needs no "
                    + "`If-Match`; a change needs the ETag read (428 without, 412 if stale). Matching by organization uses it at once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = BeneficiaryInput.class), examples = {
            @ExampleObject(name = "ruralCommune", value = "{\"beneficiaryType\":\"LOCAL_AUTHORITY\",\"localAuthorityKind\":\"COMMUNE\","
                    + "\"population\":850,\"densityLevel\":\"VERY_SPARSE\"}"),
            @ExampleObject(name = "trainingBody", value = "{\"beneficiaryType\":\"TRAINING_BODY\",\"qualiopiCertified\":true}") }))
    @APIResponse(responseCode = "200", description = "Completed",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = BeneficiaryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response completeBeneficiary(
            @PathParam("organizationId") @Parameter(description = "Directory organization id") UUID organizationId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read; none for the first completion") String ifMatch,
            @Valid @NotNull BeneficiaryInput input) {
        requireOwn(organizationId, false);
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Versions.requireIfMatch(ifMatch);
        EligibilityService.BeneficiaryDetailsRead read = eligibility.complete(organizationId, input, expected, actor.subject());
        return Response.ok(read.view()).tag(Versions.etag(read.version())).build();
    }

    /** Admins (and advisors, to read) pass; a member only for its own organization, another's being a 404. */
    private void requireOwn(UUID organizationId, boolean advisorsMayRead) {
        if (advisorsMayRead && actor.hasRole(Roles.ADVISOR)) {
            return;
        }
        actor.requireOwnOrNotFound(organizationId.toString(), () -> new NotFoundException("Organization " + organizationId
                + " is not known to the desk or not yours."));
    }
}
