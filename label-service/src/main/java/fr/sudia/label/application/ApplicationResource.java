package fr.sudia.label.application;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.label.audit.AuditEntry;
import fr.sudia.label.audit.AuditEntry.SubjectType;
import fr.sudia.label.audit.AuditEntryView;
import fr.sudia.label.web.QueryEnums;
import fr.sudia.platform.http.Locations;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Applications", description = "Applications for the label: self-assessment, review and the committee's decision")
public class ApplicationResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Applications applications;
    private final CurrentActor actor;

    ApplicationResource(Applications applications, CurrentActor actor) {
        this.applications = applications;
        this.actor = actor;
    }

    @POST
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN })
    @Operation(operationId = "createApplication", summary = "Start an application",
            description = "A member applies for its own organization, which must be in the directory, answering the "
                    + "questionnaire of the charter in force. The draft may leave questions unanswered; every answer "
                    + "needs a justification, and NOT_APPLICABLE only where the question allows it.")
    @APIResponse(responseCode = "201", description = "Draft created",
            headers = { @Header(name = "Location", description = "URL of the application", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Valid @NotNull ApplicationForm form) {
        actor.requireActsFor(form.organizationId().toString());
        LabelApplication application = applications.create(form, actor.subject());
        return Locations.created("/api/v1/applications/" + application.id)
                .tag(Versions.etag(application.version)).entity(ApplicationView.of(application)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.REVIEWER, Roles.ADMIN })
    @Operation(operationId = "getApplication", summary = "Get an application",
            description = "For the applicant organization's members, reviewers and admins.")
    @APIResponse(responseCode = "200", description = "The application",
            headers = @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Application id") UUID id) {
        LabelApplication application = readable(id);
        return Response.ok(ApplicationView.of(application)).tag(Versions.etag(application.version)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN })
    @Operation(operationId = "updateApplication", summary = "Change an application's answers",
            description = "While it is a draft or justification has been requested. Needs `If-Match` with the ETag read.")
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") @Parameter(description = "Application id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, e.g. \"3\"") String ifMatch,
            @Valid @NotNull ApplicationForm form) {
        long expected = Versions.requireIfMatch(ifMatch);
        readable(id);
        LabelApplication application = applications.update(id, expected, form, actor.subject());
        return Response.ok(ApplicationView.of(application)).tag(Versions.etag(application.version)).build();
    }

    @POST
    @Path("{id}/submission")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN })
    @Operation(operationId = "submitApplication", summary = "Submit an application to the committee",
            description = "From draft (to SUBMITTED) or after a justification request (to RESUBMITTED). Every question "
                    + "must be answered and the organization must have signed the charter version answered. Needs an "
                    + "`Idempotency-Key`, the organization's own: a retry with the same key answers the same application (with "
                    + "`Idempotent-Replayed: true`) and changes nothing; another organization's use of the same key "
                    + "is unrelated; the same key on another application of the same organization is a 409.")
    @APIResponse(responseCode = "200", description = "Submitted",
            headers = @Header(name = "Idempotent-Replayed", description = "true when this key was already used", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response submit(@PathParam("id") @Parameter(description = "Application id") UUID id,
            @HeaderParam(IDEMPOTENCY_KEY) @Parameter(description = "A unique key per submission, e.g. a UUID",
                    required = true, example = "5b0f1c58-2d1e-4a8e-9d7e-1f0b6a4c2e11") String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new BadRequestException("Submission needs an Idempotency-Key header of 1 to 200 characters.");
        }
        readable(id);
        Applications.Submission submission = applications.submit(id, idempotencyKey.strip(), actor.subject());
        return Response.ok(ApplicationView.of(submission.application()))
                .header("Idempotent-Replayed", Boolean.toString(submission.replayed())).build();
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "startApplicationReview", summary = "Take a submitted application into review",
            description = "SUBMITTED or RESUBMITTED to UNDER_REVIEW. Reviewers only.")
    @APIResponse(responseCode = "200", description = "Under review", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApplicationView startReview(@PathParam("id") @Parameter(description = "Application id") UUID id) {
        return ApplicationView.of(applications.startReview(id, actor.subject()));
    }

    @POST
    @Path("{id}/comments")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "commentApplication", summary = "Comment on an application under review",
            description = "Recorded in the application's history; changes no status. Reviewers only.")
    @APIResponse(responseCode = "200", description = "Comment recorded", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApplicationView comment(@PathParam("id") @Parameter(description = "Application id") UUID id,
            @Valid @NotNull ReviewNote note) {
        return ApplicationView.of(applications.comment(id, note.text(), actor.subject()));
    }

    @POST
    @Path("{id}/justification-request")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "requestJustification", summary = "Ask the applicant for more justification",
            description = "UNDER_REVIEW to JUSTIFICATION_REQUESTED: the applicant may change its answers, then submits "
                    + "again. Reviewers only.")
    @APIResponse(responseCode = "200", description = "Sent back to the applicant", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApplicationView requestJustification(@PathParam("id") @Parameter(description = "Application id") UUID id,
            @Valid @NotNull ReviewNote note) {
        return ApplicationView.of(applications.requestJustification(id, note.text(), actor.subject()));
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "decideApplication", summary = "Record the committee's decision",
            description = "UNDER_REVIEW to GRANTED or REFUSED, with the committee's reasons. A grant creates the label "
                    + "(valid two years) and announces `fr.sudia.label.label.granted`. Reviewers only.")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApplicationView decide(@PathParam("id") @Parameter(description = "Application id") UUID id,
            @Valid @NotNull CommitteeDecision decision) {
        return ApplicationView.of(applications.decide(id, decision, actor.subject()));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.MEMBER, Roles.REVIEWER, Roles.ADMIN })
    @Operation(operationId = "getApplicationHistory", summary = "Get an application's history",
            description = "Every step, comment and decision, oldest first, with who and why; one page at a time "
                    + "(follow `nextCursor`).")
    @APIResponse(responseCode = "200", description = "One page of the history",
            content = @Content(schema = @Schema(implementation = HistoryPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<AuditEntryView> history(@PathParam("id") @Parameter(description = "Application id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        readable(id);
        List<String> after = Cursor.decode(cursor, 1);
        long afterId = after.isEmpty() ? 0 : Cursor.number(after.get(0));
        List<AuditEntry> rows = AuditEntry.<AuditEntry>find("subjectType = ?1 and subjectId = ?2 and id > ?3",
                Sort.ascending("id"), SubjectType.APPLICATION, id.toString(), afterId).page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, entry -> List.of(entry.id.toString()), AuditEntryView::of);
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.REVIEWER, Roles.ADMIN })
    @Operation(operationId = "listApplications", summary = "List applications",
            description = "Reviewers and admins see all (e.g. `status=SUBMITTED` for the committee's queue); a member "
                    + "sees its own organization's. Oldest first.")
    @APIResponse(responseCode = "200", description = "One page of applications",
            content = @Content(schema = @Schema(implementation = ApplicationPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Page<ApplicationView> list(
            @QueryParam("status") @Parameter(description = "Application status", schema = @Schema(implementation = ApplicationStatus.class)) String statusName,
            @QueryParam("organizationId") @Parameter(description = "Directory organization id") UUID organizationId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        ApplicationStatus status = QueryEnums.parse(ApplicationStatus.class, "status", statusName);
        UUID organization = organizationId;
        if (!actor.hasRole(Roles.REVIEWER) && !actor.hasRole(Roles.ADMIN)) {
            String own = actor.organizationId().orElseThrow(
                    () -> new jakarta.ws.rs.ForbiddenException("This token represents no organization."));
            actor.requireActsFor(organization == null ? own : organization.toString());
            organization = UUID.fromString(own);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            where.add("status = :status");
            parameters.put("status", status);
        }
        if (organization != null) {
            where.add("organizationId = :organization");
            parameters.put("organization", organization);
        }
        List<String> after = Cursor.decode(cursor, 2);
        if (!after.isEmpty()) {
            where.add("(createdAt > :afterAt or (createdAt = :afterAt and id > :afterId))");
            parameters.put("afterAt", parseTime(after.get(0)));
            parameters.put("afterId", Cursor.uuid(after.get(1)));
        }
        List<LabelApplication> rows = LabelApplication.<LabelApplication>find(
                where.isEmpty() ? "1 = 1" : String.join(" and ", where), Sort.ascending("createdAt", "id"), parameters)
                .page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, row -> List.of(row.createdAt.toString(), row.id.toString()),
                ApplicationView::of);
    }

    private static OffsetDateTime parseTime(String part) {
        try {
            return OffsetDateTime.parse(part);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequestException("The cursor parameter is not one this list issued; start again without it.");
        }
    }

    private LabelApplication readable(UUID id) {
        LabelApplication application = applications.find(id);
        if (!actor.hasRole(Roles.REVIEWER)) {
            actor.requireOwnOrNotFound(application.organizationId.toString(), () -> Applications.notFound(id));
        }
        return application;
    }

    @Schema(name = "ApplicationHistoryPage")
    public record HistoryPage(@Schema(required = true) List<AuditEntryView> items, @Schema(nullable = true) String nextCursor) {
    }

    @Schema(name = "ApplicationPage")
    public record ApplicationPage(List<ApplicationView> items, @Schema(nullable = true) String nextCursor) {
    }
}
