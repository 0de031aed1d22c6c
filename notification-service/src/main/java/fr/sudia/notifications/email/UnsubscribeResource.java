package fr.sudia.notifications.email;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * One-click unsubscribe (RFC 8058): the mail client POSTs {@code List-Unsubscribe=One-Click} to the URL of the
 * {@code List-Unsubscribe} header; the token in it names the address and the category of messages. A GET only says
 * what the link would do (link scanners follow GETs): the web page asks before posting.
 */
@Path("/api/v1/unsubscribe")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Email preferences", description = "Unsubscribing from a kind of email, without an account")
public class UnsubscribeResource {

    private final UnsubscribeTokens tokens;
    private final Suppressions suppressions;

    UnsubscribeResource(UnsubscribeTokens tokens, Suppressions suppressions) {
        this.tokens = tokens;
        this.suppressions = suppressions;
    }

    @Schema(name = "Unsubscription", description = "What an unsubscribe link stops")
    public record Unsubscription(@Schema(example = "c***@example.org") String email,
            @Schema(example = "events.registrations") String category,
            @Schema(example = "true") boolean unsubscribed) {
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(operationId = "describeUnsubscribe", summary = "Say what an unsubscribe link stops",
            description = "Changes nothing (mail scanners follow links); the address is shown masked.")
    @APIResponse(responseCode = "200", description = "The address (masked), the category and whether it is stopped already",
            content = @Content(schema = @Schema(implementation = Unsubscription.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Unsubscription describe(@QueryParam("token") @Parameter(required = true, description = "The link's token",
            example = "Y2FtaWxsZUBleGFtcGxlLm9yZwpldmVudHM.3q2-7w") String token) {
        UnsubscribeTokens.Subject subject = verify(token);
        return new Unsubscription(mask(subject.email()), subject.category(),
                suppressions.suppressed(subject.email(), subject.category()));
    }

    @POST
    @PermitAll
    @Transactional
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.WILDCARD })
    @Operation(operationId = "unsubscribe", summary = "Unsubscribe in one click (RFC 8058)",
            description = "The body a mail client sends is List-Unsubscribe=One-Click; any body is accepted. No more "
                    + "messages of the link's category go to the address; doing it twice is harmless.")
    @APIResponse(responseCode = "200", description = "Unsubscribed",
            content = @Content(schema = @Schema(implementation = Unsubscription.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Unsubscription unsubscribe(@QueryParam("token") @Parameter(required = true, description = "The link's token",
            example = "Y2FtaWxsZUBleGFtcGxlLm9yZwpldmVudHM.3q2-7w") String token) {
        UnsubscribeTokens.Subject subject = verify(token);
        suppressions.suppress(subject.email(), subject.category(), "one-click unsubscribe");
        return new Unsubscription(mask(subject.email()), subject.category(), true);
    }

    private UnsubscribeTokens.Subject verify(String token) {
        return tokens.verify(token).orElseThrow(() -> new BadRequestException("This unsubscribe link is not valid."));
    }

    static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
