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

import fr.sudia.funding.QueryValues;
import fr.sudia.platform.concurrency.Versions;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calls", description = "Competitive calls: research call, AI Challenge, prize of the year, excellence grants")
public class CallResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String EXAMPLE = """
            {"kind":"AI_CHALLENGE","title":"Challenge IA 2026","editionYear":2026,"theme":"Lutter contre le harcèlement scolaire",
             "opensAt":"2026-01-15T09:00:00+01:00","closesAt":"2026-03-31T12:00:00+02:00",
             "form":[{"id":"summary","label":"Résumé du projet","type":"LONG_TEXT","required":true,"maxLength":2000},
                     {"id":"pupils","label":"Nombre d'élèves impliqués","type":"NUMBER","required":false,"min":1,"max":2000}],
             "grid":[{"id":"impact","label":"Impact","weight":2,"maxScore":10},{"id":"feasibility","label":"Faisabilité","weight":1,"maxScore":10}],
             "applicantTypes":["SCHOOL","TRAINING_BODY"],"teamsAllowed":true,"anonymisedReview":true,"totalAmountEur":30000}""";

    private final CallDesk desk;
    private final ApplicationDesk applications;
    private final CallQueries queries;

    CallResource(CallDesk desk, ApplicationDesk applications, CallQueries queries) {
        this.desk = desk;
        this.applications = applications;
        this.queries = queries;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createCall", summary = "Write a call (as a DRAFT)",
            description = "The application form and the scoring grid are data. Dates are instants with their offset; the "
                    + "deadline is enforced to the second with the server's clock. Audited.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CallInput.class), examples = @ExampleObject(name = "challenge", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Written",
            headers = { @Header(name = "Location", description = "URL of the call", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response create(@Valid @NotNull CallInput input) {
        FundingCall call = desk.create(input);
        return Locations.created("/api/v1/calls/" + call.id).tag(Versions.etag(call.version))
                .entity(CallView.of(call, desk.now())).build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCalls", summary = "List calls",
            description = "Public: every call but drafts (staff see drafts too). Latest deadline first; pass `nextCursor` back "
                    + "as `cursor` with the same parameters for the next page.")
    @APIResponse(responseCode = "200", description = "One page of calls")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<CallView> list(
            @QueryParam("kind") @Parameter(description = "Kind (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = CallKind.class)) List<String> kinds,
            @QueryParam("phase") @Parameter(description = "Phase (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = CallPhase.class)) List<String> phases,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        return queries.listCalls(QueryValues.parse(CallKind.class, "kind", kinds), QueryValues.parse(CallPhase.class, "phase", phases),
                limit, cursor);
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Transactional
    @Operation(operationId = "getCall", summary = "Get a call",
            description = "Public unless a draft (404). `ETag` is the version; `If-None-Match` with it answers 304.")
    @APIResponse(responseCode = "200", description = "The call",
            headers = @Header(name = "ETag", description = "Version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Call id") UUID id, @Context Request request) {
        FundingCall call = desk.readable(id);
        // acceptingApplications changes with the clock, not the version: the tag carries both.
        boolean accepting = CallDesk.accepting(call, desk.now());
        EntityTag tag = new EntityTag(call.version + (accepting ? "-open" : ""));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cache).build();
        }
        return Response.ok(CallView.of(call, desk.now())).tag(tag).cacheControl(cache).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateCall", summary = "Rewrite a DRAFT call",
            description = "Needs `If-Match` with the version read (`ETag` of the write, or `version`). 409 once the call is open. Audited.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CallInput.class), examples = @ExampleObject(name = "challenge", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Rewritten", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") @Parameter(description = "Call id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The version read, e.g. \"0\"") String ifMatch,
            @Valid @NotNull CallInput input) {
        FundingCall call = desk.update(id, Versions.requireIfMatch(ifMatch), input);
        return Response.ok(CallView.of(call, desk.now())).tag(Versions.etag(call.version)).build();
    }

    @POST
    @Path("{id}/phase")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "moveCallPhase", summary = "Move a call to its next phase",
            description = "DRAFT → OPEN → CLOSED (not before the deadline) → REVIEW → DELIBERATION → RESULTS_PUBLISHED (every "
                    + "submitted application decided). Publishing announces each laureate as `result-published` on "
                    + "`funding.calls.v1`. Audited.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PhaseInput.class), examples = @ExampleObject(name = "open", value = "{\"phase\":\"OPEN\"}")))
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response move(@PathParam("id") @Parameter(description = "Call id") UUID id, @Valid @NotNull PhaseInput input) {
        FundingCall call = desk.move(id, input.phase());
        return Response.ok(CallView.of(call, desk.now())).tag(Versions.etag(call.version)).build();
    }

    @POST
    @Path("{id}/applications")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "draftCallApplication", summary = "Start an application (DRAFT)",
            description = "By a member for its organization (`org` claim), while the call is open and before its deadline. "
                    + "One per organization unless the call allows more (409). Answers are checked against the form (an "
                    + "unknown question or an answer over its limit is a 400 naming the field; required answers are checked "
                    + "on submission). `applicantType` must be one the call is open to and agree with what the desk knows of the "
                    + "organization (its directory kind, or its completed beneficiary details: a company applies as COMPANY, a "
                    + "lab as RESEARCH_LAB; SCHOOL and INDIVIDUAL are open to any): else a 400 naming `applicantType`. The "
                    + "same `Idempotency-Key` (scoped to the organization) returns the first draft (200).")
    @RequestBody(content = @Content(schema = @Schema(implementation = ApplicationInput.class), examples = @ExampleObject(name = "school", value = """
            {"applicantType":"SCHOOL","applicantName":"Lycée Les Eucalyptus","title":"HarcèlementStop",
             "answers":{"summary":"Un assistant qui repère les signaux faibles de harcèlement.","pupils":120}}""")))
    @APIResponse(responseCode = "201", description = "Drafted",
            headers = @Header(name = "Location", description = "URL of the application", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response draft(@PathParam("id") @Parameter(description = "Call id") UUID id,
            @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces")
            @Parameter(description = "Any unique string; a retry with the same key does not create twice", example = "app-7f3c") String idempotencyKey,
            @Valid @NotNull ApplicationInput input) {
        ApplicationDesk.Saved saved = applications.create(id, input, idempotencyKey);
        FundingCall call = CallDesk.find(id);
        ApplicationView view = ApplicationView.of(saved.application(), call, false, false);
        return saved.replayed() ? Response.ok(view).tag(Versions.etag(view.version())).build()
                : Locations.created("/api/v1/applications/" + view.id()).tag(Versions.etag(view.version())).entity(view).build();
    }

    @GET
    @Path("{id}/applications")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.MEMBER, Roles.REVIEWER, Roles.JUROR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listCallApplications", summary = "List a call's applications you may see",
            description = "Admins and advisors: all. A member: its organization's only. A juror of the call, from the REVIEW "
                    + "phase: the submitted applications it reviews (not its own organization's, not those it declared a "
                    + "conflict with; applicant hidden when the review is anonymised). Newest first.")
    @APIResponse(responseCode = "200", description = "One page of applications")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<ApplicationView> applications(@PathParam("id") @Parameter(description = "Call id") UUID id,
            @QueryParam("status") @Parameter(description = "Status (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicationStatus.class)) List<String> statuses,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        return queries.listApplications(id, QueryValues.parse(ApplicationStatus.class, "status", statuses), limit, cursor);
    }

    @GET
    @Path("{id}/jurors")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR })
    @SecurityRequirement(name = "bearer")
    @Transactional
    @Operation(operationId = "listCallJurors", summary = "The call's jury",
            description = "Every juror, by subject: a jury holds at most 50 (`CallDesk.MAX_JURORS`).")
    @APIResponse(responseCode = "200", description = "The jurors")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<JurorView> jurors(@PathParam("id") @Parameter(description = "Call id") UUID id) {
        return desk.jurors(id).stream().map(JurorView::of).toList();
    }

    @POST
    @Path("{id}/jurors")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "assignCallJuror", summary = "Assign a juror to the call",
            description = "A user (token subject) with the role `juror` or `reviewer`. Assigning twice changes nothing (200). "
                    + "A jury holds at most 50 jurors: a 51st is a 409. Audited.")
    @RequestBody(content = @Content(schema = @Schema(implementation = JurorInput.class), examples = @ExampleObject(name = "juror", value = "{\"subject\":\"juror-3ia-1\"}")))
    @APIResponse(responseCode = "201", description = "Assigned")
    @APIResponse(responseCode = "200", description = "Already assigned")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response assign(@PathParam("id") @Parameter(description = "Call id") UUID id, @Valid @NotNull JurorInput input) {
        boolean created = desk.assignJuror(id, input.subject());
        return Response.status(created ? 201 : 200).build();
    }

    @DELETE
    @Path("{id}/jurors/{subject}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "removeCallJuror", summary = "Remove a juror from the call", description = "Their reviews stay. Audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response remove(@PathParam("id") @Parameter(description = "Call id") UUID id,
            @PathParam("subject") @Parameter(description = "The juror's subject") String subject) {
        desk.removeJuror(id, subject);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/ranking")
    @RolesAllowed({ Roles.ADMIN, Roles.ADVISOR, Roles.REVIEWER, Roles.JUROR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getCallRanking", summary = "The jury's ranking",
            description = "Each review's weighted score is Σ(score ÷ max × weight) ÷ Σ weight × 100; an application's score is "
                    + "the mean of its reviews, `disagreement` when their population standard deviation exceeds the call's "
                    + "`disagreementThreshold` (15 by default). Staff see it from the REVIEW phase; the call's jurors from "
                    + "DELIBERATION (404 before: scores stay hidden from other jurors).")
    @APIResponse(responseCode = "200", description = "One page of the ranking", content = @Content(schema = @Schema(implementation = RankingView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RankingView ranking(@PathParam("id") @Parameter(description = "Call id") UUID id,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) @Parameter(description = "Page size, 1 to 1000") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        return queries.ranking(id, limit, cursor);
    }

    @GET
    @Path("{id}/results")
    @PermitAll
    @Operation(operationId = "listCallLaureates", summary = "The call's laureates",
            description = "Public once the results are published (404 before), best ranked first, with the amounts where the call has them.")
    @APIResponse(responseCode = "200", description = "The laureates",
            headers = @Header(name = "ETag", description = "Changes only if the results do", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LaureateView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Transactional
    public Response results(@PathParam("id") @Parameter(description = "Call id") UUID id, @Context Request request) {
        List<LaureateView> laureates = queries.laureates(id);
        // Published results no longer change: the call's version (bumped by the publication) names them.
        EntityTag tag = new EntityTag("results-" + desk.readable(id).version);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cache).build();
        }
        return Response.ok(laureates).tag(tag).cacheControl(cache).build();
    }

    @GET
    @Path("{id}/audit")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getCallAudit", summary = "Who changed what of the call, when",
            description = "Every change of the call, its applications, jury, conflicts, scores and decisions, oldest first.")
    @APIResponse(responseCode = "200", description = "One page of the audit trail")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<AuditView> audit(@PathParam("id") @Parameter(description = "Call id") UUID id,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        return queries.audit(id, limit, cursor);
    }

    @GET
    @Path("{id}/audit/verification")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "verifyCallAudit", summary = "Check that the call's audit trail is intact",
            description = "Recomputes the hash chain of the call's audit trail, oldest first: every entry must be chained "
                    + "to the one before and its actor must agree with the digest kept (the actor itself, or the pseudonym "
                    + "of an erased person). Names the first entry that breaks the chain. Erasures do not break it.")
    @APIResponse(responseCode = "200", description = "The verdict",
            content = @Content(schema = @Schema(implementation = Audit.Verification.class), examples = @ExampleObject(
                    name = "intact", value = """
                            {"callId":"0b6f5c9e-4c1d-4b8e-9a51-3f0d2c7e8a11","entries":42,"intact":true,"brokenAt":null,"problem":null}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Audit.Verification verifyAudit(@PathParam("id") @Parameter(description = "Call id") UUID id) {
        return queries.verifyAudit(id);
    }
}
