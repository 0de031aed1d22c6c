package fr.sudia.label.directory;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Known organizations", description = "The directory's organizations as label-service knows them")
public class KnownOrganizationResource {

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getKnownOrganization", summary = "Get an organization as label-service knows it",
            description = "For operators: shows whether the directory's event about an organization has reached "
                    + "label-service. Label applications are accepted only for known organizations.")
    @APIResponse(responseCode = "200", description = "The organization",
            content = @Content(schema = @Schema(implementation = KnownOrganizationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KnownOrganizationView get(@PathParam("id") @Parameter(description = "Directory organization id") UUID id) {
        KnownOrganization known = KnownOrganization.<KnownOrganization>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("Organization " + id + " is not known to label-service."));
        return new KnownOrganizationView(known.id, known.name, known.kind, known.city, known.updatedAt, known.receivedAt);
    }

    @Schema(name = "KnownOrganization")
    public record KnownOrganizationView(UUID id, String name, String kind, String city,
            @Schema(description = "When the directory last changed it") OffsetDateTime updatedAt,
            @Schema(description = "When label-service received that change") OffsetDateTime receivedAt) {
    }
}
