package fr.sudia.notifications.contact;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The link of a confirmation email: GET says what it would confirm (mail scanners follow links), POST confirms. */
@Path("/api/v1/contact/confirmations")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Contact", description = "The address the platform writes to about what concerns you (requests, jury, labels)")
public class ContactConfirmationResource {

    @Schema(name = "ContactConfirmation", description = "The address a confirmation link confirms")
    public record Confirmation(@Schema(example = "c***@example.net") String email, boolean confirmed) {
    }

    private final Contacts contacts;

    ContactConfirmationResource(Contacts contacts) {
        this.contacts = contacts;
    }

    @GET
    @Operation(operationId = "describeContactConfirmation", summary = "Say which address a confirmation link confirms")
    @APIResponse(responseCode = "200", description = "The address (masked), not confirmed yet",
            content = @Content(schema = @Schema(implementation = Confirmation.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Confirmation describe(@QueryParam("token") @Parameter(required = true, description = "The link's token") String token) {
        return new Confirmation(mask(contacts.pending(token).pendingEmail), false);
    }

    @POST
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, MediaType.WILDCARD })
    @Operation(operationId = "confirmContact", summary = "Confirm an address by its link",
            description = "The address becomes the one notices are sent to; the link works once.")
    @APIResponse(responseCode = "200", description = "Confirmed",
            content = @Content(schema = @Schema(implementation = Confirmation.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Confirmation confirm(@QueryParam("token") @Parameter(required = true, description = "The link's token") String token) {
        return new Confirmation(mask(contacts.confirm(token).email), true);
    }

    private static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
    }
}
