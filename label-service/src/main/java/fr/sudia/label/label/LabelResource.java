package fr.sudia.label.label;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The committee's decisions on granted labels. Each is audited and announced on {@code label.labels.v1}. */
@Path("/api/v1/labels/{number}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Labels", description = "Granted labels: renewal, suspension, restoration, withdrawal")
public class LabelResource {

    private final LabelLifecycle lifecycle;
    private final CurrentActor actor;

    LabelResource(LabelLifecycle lifecycle, CurrentActor actor) {
        this.lifecycle = lifecycle;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.REVIEWER, Roles.ADMIN })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getLabel", summary = "Get a label with its suspension details",
            description = "For its holder (a member of that organization), reviewers and admins. The public see the "
                    + "verification endpoint instead.")
    @APIResponse(responseCode = "200", description = "The label", content = @Content(schema = @Schema(implementation = LabelView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LabelView get(@PathParam("number") @Parameter(description = "Label number", example = "SUD-IA-2026-0042") String number) {
        Label label = LabelLifecycle.find(number);
        if (!actor.hasRole(Roles.REVIEWER)) {
            actor.requireOwnOrNotFound(label.organizationId.toString(), () -> LabelLifecycle.notFound(number));
        }
        return LabelView.of(label);
    }

    @POST
    @Path("renewal")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "renewLabel", summary = "Renew a valid label for two more years",
            description = "Extends `validUntil` by two years. The holder must have signed the charter in force. "
                    + "Announced as `fr.sudia.label.label.renewed`.")
    @APIResponse(responseCode = "200", description = "Renewed", content = @Content(schema = @Schema(implementation = LabelView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public LabelView renew(@PathParam("number") @Parameter(description = "Label number", example = "SUD-IA-2026-0042") String number,
            @Valid @NotNull LabelDecision decision) {
        return LabelView.of(lifecycle.renew(number, decision.reason(), actor.subject()));
    }

    @POST
    @Path("suspension")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "suspendLabel", summary = "Suspend a valid label",
            description = "With a reason and, optionally, the day the suspension ends by itself. The badge and the "
                    + "verification show SUSPENDED at once. Announced as `fr.sudia.label.label.suspended`.")
    @APIResponse(responseCode = "200", description = "Suspended", content = @Content(schema = @Schema(implementation = LabelView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public LabelView suspend(@PathParam("number") @Parameter(description = "Label number", example = "SUD-IA-2026-0042") String number,
            @Valid @NotNull LabelDecision decision) {
        return LabelView.of(lifecycle.suspend(number, decision.reason(), decision.until(), actor.subject()));
    }

    @POST
    @Path("restoration")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "restoreLabel", summary = "Restore a suspended label",
            description = "Ends a suspension decided by the committee (one for want of a charter signature ends when the "
                    + "holder signs). Announced as `fr.sudia.label.label.restored`.")
    @APIResponse(responseCode = "200", description = "Restored", content = @Content(schema = @Schema(implementation = LabelView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public LabelView restore(@PathParam("number") @Parameter(description = "Label number", example = "SUD-IA-2026-0042") String number,
            @Valid @NotNull LabelDecision decision) {
        return LabelView.of(lifecycle.restore(number, decision.reason(), actor.subject()));
    }

    @POST
    @Path("withdrawal")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "withdrawLabel", summary = "Withdraw a label",
            description = "Final: the holder must apply again. The credential's revocation bit is set. Announced as "
                    + "`fr.sudia.label.label.withdrawn`.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = LabelView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public LabelView withdraw(@PathParam("number") @Parameter(description = "Label number", example = "SUD-IA-2026-0042") String number,
            @Valid @NotNull LabelDecision decision) {
        return LabelView.of(lifecycle.withdraw(number, decision.reason(), actor.subject()));
    }
}
