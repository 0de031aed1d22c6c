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
import jakarta.annotation.security.PermitAll;
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

    @POST
    @Path("prescribed")
    @RolesAllowed(Roles.PRESCRIBER)
    @Transactional
    @Operation(operationId = "prescribeRequest", summary = "File a request on behalf of a very small business",
            description = "By a prescriber (an advisor of a chamber of commerce or trades, U2P or an employers' body; "
                    + "Mesure 15), whose token's `org` is its own organization. The business (`organizationId`) must be a "
                    + "very small business (TPE): a directory entry of another type or size is a 400. The request waits in "
                    + "AWAITING_CONFIRMATION, routed to nobody, until the business confirms it through the secret link "
                    + "returned here once, or logged in as its member. Both follow it; the prescriber sees only the requests "
                    + "it filed. Announced as `prescribed` (the prescriber's organization only, no words).")
    @RequestBody(content = @Content(schema = @Schema(implementation = PrescribedRequestInput.class), examples = @ExampleObject(
            name = "bakery", value = """
                    {"organizationId":"6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10","need":"La boulangerie souhaite un assistant IA pour ses commandes.",
                     "pillars":["HR"],"department":"83"}""")))
    @APIResponse(responseCode = "201", description = "Filed, waiting for the business's confirmation",
            headers = @Header(name = "Location", description = "URL of the request", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PrescriptionView.class)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier filing with the same Idempotency-Key (no secret)",
            content = @Content(schema = @Schema(implementation = PrescriptionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response prescribe(
            @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces")
            @Parameter(description = "Any unique string; a retry with the same key does not file twice", example = "cci-83-2026-0042") String idempotencyKey,
            @Valid @NotNull PrescribedRequestInput input) {
        RequestDesk.Prescription prescription = desk.prescribe(input, idempotencyKey);
        PrescriptionView view = PrescriptionView.of(prescription);
        return prescription.replayed() ? Response.ok(view).build()
                : Locations.created("/api/v1/requests/" + view.request().id()).entity(view).build();
    }

    @GET
    @Path("{id}/confirmation")
    @PermitAll
    @Transactional
    @Operation(operationId = "getRequestToConfirm", summary = "Show a prescribed request to the business confirming it",
            description = "The target of the confirmation link: with the link's `token` (or logged in as a member of the "
                    + "business), the request a prescriber filed for it. A wrong token, or a request that was not prescribed, "
                    + "is a 404.")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RequestView toConfirm(@PathParam("id") @Parameter(description = "Request id") UUID id,
            @QueryParam("token") @Size(max = 200) @Parameter(description = "The secret of the confirmation link") String token) {
        return RequestView.of(desk.toConfirm(id, token));
    }

    @POST
    @Path("{id}/confirm")
    @PermitAll
    @Transactional
    @Operation(operationId = "confirmPrescribedRequest", summary = "Confirm a request a prescriber filed for your business",
            description = "With the secret of the confirmation link in `token`, or logged in as a member of the business "
                    + "(then the body may be `{}`). The request is then routed to the advisors like a member's own "
                    + "(WAITING, or UNROUTED when no rule matches) and announced as `confirmed`. A wrong token or another "
                    + "organization is a 404; a request already confirmed, a 409.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ConfirmInput.class), examples = {
            @ExampleObject(name = "link", value = "{\"token\":\"q3Jd0vX1u6mYc9b2N8pL4tR7wZ5eK1sA0hG3fD6jQ2c\"}"),
            @ExampleObject(name = "member", value = "{}") }))
    @APIResponse(responseCode = "200", description = "Confirmed and routed", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RequestView confirm(@PathParam("id") @Parameter(description = "Request id") UUID id, @Valid @NotNull ConfirmInput input) {
        return RequestView.of(desk.confirm(id, input.token()));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.MEMBER, Roles.PRESCRIBER })
    @Operation(operationId = "listRequests", summary = "List the requests you may see",
            description = "Members see their organization's requests (prescribed ones included), advisors those routed "
                    + "to them, prescribers those they filed, admins all. Newest "
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
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.MEMBER, Roles.PRESCRIBER })
    @Transactional
    @Operation(operationId = "getRequest", summary = "Get a request",
            description = "A request you may not see (another organization's, not routed to you, or filed by another "
                    + "prescriber) is a 404.")
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
