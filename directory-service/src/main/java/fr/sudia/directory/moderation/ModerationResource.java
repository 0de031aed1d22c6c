package fr.sudia.directory.moderation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.directory.catalogue.Catalogue;
import fr.sudia.directory.catalogue.Solution;
import fr.sudia.directory.catalogue.SolutionInput;
import fr.sudia.directory.catalogue.SolutionResource;
import fr.sudia.directory.catalogue.SolutionView;
import fr.sudia.directory.catalogue.Training;
import fr.sudia.directory.catalogue.TrainingInput;
import fr.sudia.directory.catalogue.TrainingResource;
import fr.sudia.directory.catalogue.TrainingView;
import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationRegistry;
import fr.sudia.directory.organization.OrganizationView;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Editors' moderation of new entries and of members' changes. */
@Path("/api/v1/moderation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
@SecurityRequirement(name = "bearer")
@Tag(name = "Moderation", description = "Editors review new entries and members' changes before they are public")
public class ModerationResource {

    private final OrganizationRegistry registry;
    private final Catalogue catalogue;

    ModerationResource(OrganizationRegistry registry, Catalogue catalogue) {
        this.registry = registry;
        this.catalogue = catalogue;
    }

    @GET
    @Path("organizations")
    @Operation(operationId = "listModerationQueue", summary = "Organizations waiting for an editor",
            description = "New entries and members' pending changes, oldest first, each with the likely duplicates "
                    + "already in the directory (same name and city once case, accents and punctuation are folded).")
    @APIResponse(responseCode = "200", description = "The queue",
            content = @Content(schema = @Schema(implementation = QueuePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Page<QueueEntry> queue(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "How many entries, 1 to 100") int limit) {
        List<QueueEntry> entries = registry.moderationQueue(limit).stream().map(this::entry).toList();
        return new Page<>(entries, null);
    }

    @POST
    @Path("organizations/{id}/approval")
    @Operation(operationId = "approveOrganization", summary = "Approve a new entry or a pending change",
            description = "Makes a new entry public, or applies a member's pending change.")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public OrganizationView approve(@PathParam("id") @Parameter(description = "Organization id") UUID id) {
        return OrganizationView.of(registry.approve(id));
    }

    @POST
    @Path("organizations/{id}/rejection")
    @Operation(operationId = "rejectOrganization", summary = "Refuse a new entry or a pending change, with a reason")
    @APIResponse(responseCode = "200", description = "Refused",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public OrganizationView reject(@PathParam("id") @Parameter(description = "Organization id") UUID id,
            @Valid @NotNull Rejection rejection) {
        return OrganizationView.of(registry.reject(id, rejection.reason().strip()));
    }

    @GET
    @Path("solutions")
    @Operation(operationId = "listSolutionModerationQueue", summary = "Solutions waiting for an editor",
            description = "Members' new solutions and members' changes to published ones, the longest-waiting first. A "
                    + "change comes with the solution as the public see it now and the proposed replacement.")
    @APIResponse(responseCode = "200", description = "One page of the queue",
            content = @Content(schema = @Schema(implementation = SolutionQueuePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Page<SolutionQueueEntry> solutionQueue(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        var rows = catalogue.waiting(Solution.class, SolutionInput.class, Cursor.decode(cursor, 2), limit + 1);
        return Page.fromKeyset(rows, limit, ModerationResource::sortKey,
                w -> new SolutionQueueEntry(SolutionView.of(w.entry()), w.proposedChange(), w.waitingSince()));
    }

    @GET
    @Path("trainings")
    @Operation(operationId = "listTrainingModerationQueue", summary = "Trainings waiting for an editor",
            description = "Members' new trainings and members' changes to published ones, the longest-waiting first. A "
                    + "change comes with the training as the public see it now and the proposed replacement.")
    @APIResponse(responseCode = "200", description = "One page of the queue",
            content = @Content(schema = @Schema(implementation = TrainingQueuePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Page<TrainingQueueEntry> trainingQueue(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        var rows = catalogue.waiting(Training.class, TrainingInput.class, Cursor.decode(cursor, 2), limit + 1);
        return Page.fromKeyset(rows, limit, ModerationResource::sortKey,
                w -> new TrainingQueueEntry(TrainingView.of(w.entry()), w.proposedChange(), w.waitingSince()));
    }

    @POST
    @Path("solutions/{id}/approval")
    @Operation(operationId = "approveSolution", summary = "Approve a member's new solution or pending change",
            description = "Makes a member's new solution public, or applies a member's pending change to a published one.")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = SolutionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SolutionView approveSolution(@PathParam("id") @Parameter(description = "Solution id") UUID id) {
        return SolutionView.of(catalogue.approve(Solution.class, id, SolutionInput.class, SolutionResource::apply));
    }

    @POST
    @Path("solutions/{id}/rejection")
    @Operation(operationId = "rejectSolution", summary = "Refuse a member's new solution or pending change, with a reason",
            description = "A refused change leaves the published version as it was; a refused new solution stays private "
                    + "(moderationStatus REJECTED).")
    @APIResponse(responseCode = "200", description = "Refused",
            content = @Content(schema = @Schema(implementation = SolutionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SolutionView rejectSolution(@PathParam("id") @Parameter(description = "Solution id") UUID id,
            @Valid @NotNull Rejection rejection) {
        return SolutionView.of(catalogue.reject(Solution.class, id, rejection.reason().strip()));
    }

    @POST
    @Path("trainings/{id}/approval")
    @Operation(operationId = "approveTraining", summary = "Approve a member's new training or pending change",
            description = "Makes a member's new training public, or applies a member's pending change to a published one.")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TrainingView approveTraining(@PathParam("id") @Parameter(description = "Training id") UUID id) {
        return TrainingView.of(catalogue.approve(Training.class, id, TrainingInput.class, TrainingResource::apply));
    }

    @POST
    @Path("trainings/{id}/rejection")
    @Operation(operationId = "rejectTraining", summary = "Refuse a member's new training or pending change, with a reason",
            description = "A refused change leaves the published version as it was; a refused new training stays private "
                    + "(moderationStatus REJECTED).")
    @APIResponse(responseCode = "200", description = "Refused",
            content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TrainingView rejectTraining(@PathParam("id") @Parameter(description = "Training id") UUID id,
            @Valid @NotNull Rejection rejection) {
        return TrainingView.of(catalogue.reject(Training.class, id, rejection.reason().strip()));
    }

    private QueueEntry entry(Organization organization) {
        List<DuplicateCandidate> duplicates = registry.likelyDuplicatesOf(organization).stream()
                .map(d -> new DuplicateCandidate(d.id, d.name, d.city, d.siren)).toList();
        return new QueueEntry(OrganizationView.of(organization), organization.pendingChange != null, duplicates);
    }

    @Schema(name = "Rejection")
    public record Rejection(@NotBlank @Size(max = 1000) @Schema(examples = "Not an AI actor of the region") String reason) {
    }

    @Schema(name = "ModerationQueueEntry")
    public record QueueEntry(OrganizationView organization,
            @Schema(description = "true: a member's change to a public profile; false: a new entry") boolean pendingChange,
            List<DuplicateCandidate> likelyDuplicates) {
    }

    @Schema(name = "DuplicateCandidate")
    public record DuplicateCandidate(UUID id, String name, String city, @Schema(nullable = true) String siren) {
    }

    private static List<String> sortKey(Catalogue.Waiting<?, ?> waiting) {
        return List.of(waiting.waitingSince().toString(), waiting.entry().id.toString());
    }

    @Schema(name = "SolutionModerationQueueEntry")
    public record SolutionQueueEntry(
            @Schema(description = "The solution as it is stored: for a change, the version the public see now") SolutionView solution,
            @Schema(nullable = true, description = "The member's proposed replacement; null for a new solution") SolutionInput proposedChange,
            @Schema(description = "Since when it waits: the new solution's creation or the change's proposal") OffsetDateTime waitingSince) {
    }

    @Schema(name = "TrainingModerationQueueEntry")
    public record TrainingQueueEntry(
            @Schema(description = "The training as it is stored: for a change, the version the public see now") TrainingView training,
            @Schema(nullable = true, description = "The member's proposed replacement; null for a new training") TrainingInput proposedChange,
            @Schema(description = "Since when it waits: the new training's creation or the change's proposal") OffsetDateTime waitingSince) {
    }

    @Schema(name = "SolutionModerationQueuePage")
    record SolutionQueuePage(List<SolutionQueueEntry> items, @Schema(nullable = true) String nextCursor) {
    }

    @Schema(name = "TrainingModerationQueuePage")
    record TrainingQueuePage(List<TrainingQueueEntry> items, @Schema(nullable = true) String nextCursor) {
    }

    @Schema(name = "ModerationQueuePage")
    record QueuePage(List<QueueEntry> items, @Schema(nullable = true) String nextCursor) {
    }
}
