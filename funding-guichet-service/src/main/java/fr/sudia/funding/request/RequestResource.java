package fr.sudia.funding.request;

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
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Requests", description = "Companies' requests for help, routed to partners' advisors")
public class RequestResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RequestDesk desk;
    private final RequestQueries queries;

    RequestResource(RequestDesk desk, RequestQueries queries) {
        this.desk = desk;
        this.queries = queries;
    }

    @POST
    @RolesAllowed(Roles.MEMBER)
    @Transactional
    @Operation(operationId = "submitRequest", summary = "Ask the desk for help",
            description = "A member submits its organization's need. The desk routes it to the advisors whose routing "
                    + "rules match (pillar, targeted scheme, department, company category); with none it is UNROUTED. "
                    + "The same `Idempotency-Key` again returns the first request (200) instead of a new one; a request "
                    + "of the same organization on a same pillar within 30 days is flagged in `likelyRepeatOf`. "
                    + "Announced as `submitted` on `funding.requests.v1`.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RequestInput.class), examples = @ExampleObject(
            name = "recruitment", value = """
                    {"need":"Nous cherchons à financer le recrutement de deux data scientists.","pillars":["FINANCIAL","HR"]}""")))
    @APIResponse(responseCode = "201", description = "Submitted and routed",
            headers = @Header(name = "Location", description = "URL of the request", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier submission with the same Idempotency-Key",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response submit(
            @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces")
            @Parameter(description = "Any unique string; a retry with the same key does not submit twice", example = "3f7c2d1e-req-1") String idempotencyKey,
            @Valid @NotNull RequestInput input) {
        RequestDesk.Submission submission = desk.submit(input, idempotencyKey);
        RequestView view = RequestView.of(submission.request());
        return submission.replayed() ? Response.ok(view).build()
                : Locations.created("/api/v1/requests/" + view.id()).entity(view).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.MEMBER })
    @Operation(operationId = "listRequests", summary = "List the requests you may see",
            description = "Members see their organization's requests, advisors those routed to them, admins all. Newest "
                    + "first; pass `nextCursor` back as `cursor` with the same parameters for the next page.")
    @APIResponse(responseCode = "200", description = "One page of requests")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Page<RequestView> list(
            @QueryParam("status") @Parameter(description = "Status (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = RequestStatus.class)) List<String> statuses,
            @QueryParam("reminderDue") @Parameter(description = "Only requests flagged (true) or not (false) for a reminder") Boolean reminderDue,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        return queries.list(QueryValues.parse(RequestStatus.class, "status", statuses), reminderDue, limit, cursor);
    }

    @GET
    @Path("dashboard")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR })
    @Operation(operationId = "getRequestDashboard", summary = "The desk's figures",
            description = "Requests by status and by pillar, median time to the first answer, reminders due, likely "
                    + "repeats, mean satisfaction, over every request of the desk.")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = Dashboard.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Dashboard dashboard() {
        return queries.dashboard();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.MEMBER })
    @Transactional
    @Operation(operationId = "getRequest", summary = "Get a request",
            description = "A request you may not see (another organization's, or not routed to you) is a 404.")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RequestView get(@PathParam("id") @Parameter(description = "Request id") UUID id) {
        return RequestView.of(desk.visible(id));
    }

    @POST
    @Path("{id}/take-in-charge")
    @RolesAllowed(Roles.ADVISOR)
    @Transactional
    @Operation(operationId = "takeRequestInCharge", summary = "Take a request in charge",
            description = "By an advisor it was routed to (from PENDING, or after declining); the body may be `{}`. "
                    + "Announced as `taken-in-charge`.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AnswerInput.class),
            examples = @ExampleObject(name = "note", value = "{\"reason\":\"Je rappelle l'entreprise cette semaine.\"}")))
    @APIResponse(responseCode = "200", description = "Answered", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RequestView takeInCharge(@PathParam("id") @Parameter(description = "Request id") UUID id, @Valid @NotNull AnswerInput input) {
        return RequestView.of(desk.answer(id, RequestDesk.Answer.TAKE_IN_CHARGE, null, input.reason()));
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed(Roles.ADVISOR)
    @Transactional
    @Operation(operationId = "declineRequest", summary = "Decline a request (\"not for me\")",
            description = "By an advisor it was routed to (from PENDING or IN_CHARGE); the body may be `{}`. "
                    + "Announced as `declined`.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AnswerInput.class),
            examples = @ExampleObject(name = "elsewhere", value = "{\"reason\":\"Hors de notre périmètre : voir la CCI.\"}")))
    @APIResponse(responseCode = "200", description = "Answered", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RequestView decline(@PathParam("id") @Parameter(description = "Request id") UUID id, @Valid @NotNull AnswerInput input) {
        return RequestView.of(desk.answer(id, RequestDesk.Answer.DECLINE, null, input.reason()));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.ADVISOR)
    @Transactional
    @Operation(operationId = "closeRequest", summary = "Close a request",
            description = "By an advisor it was routed to: HELPED, NOT_HELPED or UNREACHABLE. HELPED requires what was "
                    + "committed: `schemeIds` (schemes of the catalogue) and `amountCommittedEur` (euros, 0 for help "
                    + "without money); the other outcomes take neither (400 naming the field). Announced as `closed` "
                    + "with the schemes and the amount (the reason stays in the desk).")
    @RequestBody(content = @Content(schema = @Schema(implementation = CloseInput.class), examples = {
            @ExampleObject(name = "helped", value = "{\"outcome\":\"HELPED\",\"reason\":\"Dossier Booster IA déposé.\","
                    + "\"schemeIds\":[\"3b0d1c5e-8f61-4a43-9a55-0f1c2f7e6b11\"],\"amountCommittedEur\":30000}"),
            @ExampleObject(name = "notHelped", value = "{\"outcome\":\"NOT_HELPED\",\"reason\":\"Projet hors périmètre.\"}") }))
    @APIResponse(responseCode = "200", description = "Answered", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RequestView close(@PathParam("id") @Parameter(description = "Request id") UUID id, @Valid @NotNull CloseInput input) {
        return RequestView.of(desk.answer(id, RequestDesk.Answer.CLOSE, input, input.reason()));
    }

    @PUT
    @Path("{id}/satisfaction")
    @RolesAllowed(Roles.MEMBER)
    @Transactional
    @Operation(operationId = "recordRequestSatisfaction", summary = "Say how well you were helped",
            description = "Once, by a member of the requesting organization, when the request is closed. "
                    + "Announced as `satisfaction-recorded` (the score only; the comment stays in the desk).")
    @RequestBody(content = @Content(schema = @Schema(implementation = SatisfactionInput.class),
            examples = @ExampleObject(name = "good", value = "{\"score\":4,\"comment\":\"Réponse rapide et utile.\"}")))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RequestView satisfaction(@PathParam("id") @Parameter(description = "Request id") UUID id,
            @Valid @NotNull SatisfactionInput input) {
        return RequestView.of(desk.recordSatisfaction(id, input.score(), input.comment()));
    }
}
