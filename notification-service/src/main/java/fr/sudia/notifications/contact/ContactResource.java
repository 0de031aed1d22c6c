package fr.sudia.notifications.contact;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's own entry in the contact book: only they record, see or erase it. */
@Path("/api/v1/me/contact")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "Contact", description = "The address the platform writes to about what concerns you (requests, jury, labels)")
public class ContactResource {

    private final Contacts contacts;
    private final JsonWebToken token;

    ContactResource(Contacts contacts, JsonWebToken token) {
        this.contacts = contacts;
        this.token = token;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordMyContact", summary = "Record the address and language you are written to in",
            description = "Without an email: the token's verified email claim. With another address: a confirmation link "
                    + "is sent to it and it is used only once followed (the previous address stays until then).")
    @APIResponse(responseCode = "200", description = "Recorded (or waiting for confirmation)",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public ContactView record(@Valid @NotNull ContactForm form) {
        Object verified = token.getClaim("email_verified");
        boolean isVerified = Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified));
        return ContactView.of(contacts.record(token.getSubject(),
                new Contacts.TokenAddress(token.getClaim("email"), isVerified), form));
    }

    @GET
    @Operation(operationId = "getMyContact", summary = "See the address and language you are written to in")
    @APIResponse(responseCode = "200", description = "Your entry",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ContactView get() {
        return ContactView.of(contacts.find(token.getSubject()));
    }

    @DELETE
    @Operation(operationId = "eraseMyContact", summary = "Erase your address",
            description = "Nothing more is written to you; notices addressed to you are counted as undeliverable.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void erase() {
        contacts.erase(token.getSubject());
    }
}
