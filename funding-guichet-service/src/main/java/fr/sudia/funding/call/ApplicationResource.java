package fr.sudia.funding.call;

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

import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Call applications", description = "Applications to competitive calls, their reviews and the jury's decisions")
public class ApplicationResource {

    private final ApplicationDesk desk;

    ApplicationResource(ApplicationDesk desk) {
        this.desk = desk;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.MEMBER, Roles.REVIEWER, Roles.JUROR })
    @Transactional
    @Operation(operationId = "getCallApplication", summary = "Get an application",
            description = "A member sees its organization's applications, with the result and the jury's feedback once the "
                    + "results are published; a juror those it reviews (anonymised if the call says so); staff all. Any other "
                    + "is a 404.")
    @APIResponse(responseCode = "200", description = "The application",
            headers = @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Application id") UUID id) {
        ApplicationDesk.Visible v = desk.visible(id);
        return Response.ok(ApplicationView.of(v.application(), v.call(), v.anonymised(), v.staff()))
                .tag(Versions.etag(v.application().version)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "editCallApplication", summary = "Edit an application",
            description = "Until the deadline (409 after, to the second), a draft or a submitted application (which must then "
                    + "still answer every required question). Needs `If-Match`. Audited.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ApplicationInput.class)))
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response edit(@PathParam("id") @Parameter(description = "Application id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"0\"") String ifMatch,
            @Valid @NotNull ApplicationInput input) {
        CallApplication application = desk.update(id, Versions.requireIfMatch(ifMatch), input);
        return ok(application);
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "submitCallApplication", summary = "Submit an application",
            description = "Until the call's deadline, to the second of the server's clock: at deadline + 1 s it is a 409 "
                    + "saying so. Every required question must be answered (400 naming each missing one). The same "
                    + "`Idempotency-Key` (scoped to the organization) returns the submitted application (200) again.")
    @APIResponse(responseCode = "200", description = "Submitted (or replayed)", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response submit(@PathParam("id") @Parameter(description = "Application id") UUID id,
            @HeaderParam(CallResource.IDEMPOTENCY_KEY) @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces")
            @Parameter(description = "Any unique string; a retry with the same key does not submit twice", example = "submit-7f3c") String idempotencyKey) {
        return ok(desk.submit(id, idempotencyKey).application());
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "withdrawCallApplication", summary = "Withdraw an application", description = "Until the deadline. Audited.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response withdraw(@PathParam("id") @Parameter(description = "Application id") UUID id) {
        return ok(desk.withdraw(id));
    }

    @POST
    @Path("{id}/conflicts")
    @RolesAllowed({ Roles.REVIEWER, Roles.JUROR })
    @Operation(operationId = "declareConflictOfInterest", summary = "Declare a conflict of interest",
            description = "A juror of the call steps aside from this application (any review of theirs is removed). Jurors are "
                    + "excluded from their own organization's applications without declaring. Audited.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ConflictInput.class),
            examples = @ExampleObject(name = "thesis", value = "{\"reason\":\"J'ai co-encadré la thèse du porteur.\"}")))
    @APIResponse(responseCode = "204", description = "Declared")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response conflict(@PathParam("id") @Parameter(description = "Application id") UUID id, @Valid @NotNull ConflictInput input) {
        desk.declareConflict(id, input.reason());
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/reviews/mine")
    @RolesAllowed({ Roles.REVIEWER, Roles.JUROR })
    @Operation(operationId = "reviewCallApplication", summary = "Score an application",
            description = "By a juror of the call in the REVIEW phase: one score per criterion of the grid, between 0 and its "
                    + "maximum (400 naming each wrong score, nothing stored), and a comment. Writing again replaces the review. "
                    + "Not on its own organization's application (404) nor after declaring a conflict (403). Audited.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReviewInput.class),
            examples = @ExampleObject(name = "review", value = "{\"scores\":{\"impact\":8,\"feasibility\":6},\"comment\":\"Solide.\"}")))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ReviewView review(@PathParam("id") @Parameter(description = "Application id") UUID id, @Valid @NotNull ReviewInput input) {
        return ReviewView.of(desk.review(id, input));
    }

    @GET
    @Path("{id}/reviews")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.REVIEWER, Roles.JUROR })
    @Transactional
    @Operation(operationId = "listCallApplicationReviews", summary = "The reviews of an application",
            description = "Staff see all; a juror sees only their own until the DELIBERATION phase, then the whole jury's.")
    @APIResponse(responseCode = "200", description = "The reviews")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<ReviewView> reviews(@PathParam("id") @Parameter(description = "Application id") UUID id) {
        return desk.reviews(id).stream().map(ReviewView::of).toList();
    }

    @PUT
    @Path("{id}/decision")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR })
    @Operation(operationId = "decideCallApplication", summary = "Record the jury's decision",
            description = "In the DELIBERATION phase: LAUREATE or NOT_SELECTED, the reasons, the feedback the applicant will "
                    + "read, the category (prize) and amount (calls with amounts). Audited.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DecisionInput.class), examples = @ExampleObject(name = "laureate", value = """
            {"outcome":"LAUREATE","reasons":"Meilleur score, fort impact.","feedback":"Bravo : projet clair et utile.","amountEur":10000}""")))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApplicationView decide(@PathParam("id") @Parameter(description = "Application id") UUID id, @Valid @NotNull DecisionInput input) {
        CallApplication application = desk.decide(id, input);
        return ApplicationView.of(application, CallDesk.find(application.callId), false, true);
    }

    private static Response ok(CallApplication application) {
        return Response.ok(ApplicationView.of(application, CallDesk.find(application.callId), false, false))
                .tag(Versions.etag(application.version)).build();
    }
}
