package fr.sudia.notifications.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Alerts by email, without an account: subscribe (double opt-in), confirm through the emailed link, list and delete
 * one's alerts through the signed link every alert message carries. SCHEMES alerts (new schemes matching an
 * organization's profile) are for that organization's members only.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Email alerts one subscribes to: new events, deadlines of followed schemes, new schemes for one's organization")
public class AlertResource {

    private static final String TOKEN_EXAMPLE = "nM3yJ0m7Xq2c1s8kTzA5bV4rW9pL6dF0gH2jK7uE1oQ";
    private static final String MANAGE_TOKEN_EXAMPLE = "Y2FtaWxsZUBleGFtcGxlLm9yZwphbGVydHMubWFuYWdl.3q2-7w";

    private final Alerts alerts;

    AlertResource(Alerts alerts) {
        this.alerts = alerts;
    }

    @Schema(name = "AlertConsentText", description = "The text a subscriber accepts, in French and English, and its version")
    public record ConsentText(@Schema(example = Alerts.CONSENT_TEXT_VERSION) String version,
            @Schema(example = "J'accepte que Sud IA m'écrive à cette adresse pour cette alerte…") String fr,
            @Schema(example = "I agree that Sud IA writes to this address for this alert…") String en) {
    }

    @Schema(name = "AlertSubscriptionPending", description = "The alert waits for its address's confirmation")
    public record Pending(@Schema(example = "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") UUID id,
            @Schema(enumeration = { "PENDING" }, example = "PENDING",
                    description = "PENDING: attend la confirmation de l'adresse / waits for its address's confirmation") String status,
            @Schema(description = "Deleted at this time if not confirmed") OffsetDateTime expiresAt) {
    }

    @Schema(name = "AlertConfirmation", description = "The confirmed alert and the link that manages the address's alerts")
    public record Confirmation(AlertView subscription,
            @Schema(example = "https://www.sud-ia.fr/api/notifications/v1/alerts/manage?token=…") String manageUrl) {
    }

    @Schema(name = "AlertSubscriptionList", description = "Every alert of the link's address, oldest first")
    public record AlertList(@Schema(example = "c***@example.org") String email, List<AlertView> items) {
    }

    @GET
    @Path("consent-text")
    @PermitAll
    @Operation(operationId = "getAlertConsentText", summary = "Read the consent text of alerts",
            description = "What `consent: true` accepts; its version is recorded with the confirmation.")
    @APIResponse(responseCode = "200", description = "The text", content = @Content(schema = @Schema(implementation = ConsentText.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ConsentText consentText() {
        return new ConsentText(Alerts.CONSENT_TEXT_VERSION, Alerts.CONSENT_TEXT.get("fr"), Alerts.CONSENT_TEXT.get("en"));
    }

    @POST
    @Path("subscriptions")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "subscribeToAlert", summary = "Ask for an alert by email (double opt-in)",
            description = "Only a confirmation request is sent to the address; nothing else until its link is followed "
                    + "and confirmed. Unconfirmed alerts are deleted when they expire (72 h). SCHEMES alerts need the token "
                    + "of a member of the organization named (another organization is a 404). At most 5 alerts of an "
                    + "address wait for confirmation at a time (429).")
    @APIResponse(responseCode = "202", description = "Waiting for confirmation",
            content = @Content(schema = @Schema(implementation = Pending.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response subscribe(@Valid @NotNull AlertForm form) {
        AlertSubscription s = alerts.subscribe(form);
        return Response.accepted(new Pending(s.id, s.status, s.expiresAt)).build();
    }

    @GET
    @Path("confirmation")
    @PermitAll
    @Transactional
    @Operation(operationId = "describeAlertConfirmation", summary = "Say what a confirmation link confirms",
            description = "Changes nothing (mail scanners follow links): the page asks, then POSTs.")
    @APIResponse(responseCode = "200", description = "The pending alert", content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public AlertView describeConfirmation(@QueryParam("token") @Parameter(required = true, description = "The link's secret",
            example = TOKEN_EXAMPLE) String token) {
        return AlertView.of(alerts.pending(token), false);
    }

    @POST
    @Path("confirmation")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(operationId = "confirmAlert", summary = "Confirm an alert",
            description = "Records the consent (the text's version and the time) and starts the alert. A used, expired "
                    + "or unknown link is a 404.")
    @APIResponse(responseCode = "200", description = "Confirmed", content = @Content(schema = @Schema(implementation = Confirmation.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Confirmation confirm(@QueryParam("token") @Parameter(required = true, description = "The link's secret",
            example = TOKEN_EXAMPLE) String token) {
        AlertSubscription s = alerts.confirm(token);
        return new Confirmation(AlertView.of(s, alerts.unsubscribed(s)), alerts.manageUrl(s.email));
    }

    @GET
    @Path("manage")
    @PermitAll
    @Transactional
    @Operation(operationId = "listMyAlerts", summary = "List the alerts of the link's address",
            description = "The link is in every alert message; it is signed for one address.")
    @APIResponse(responseCode = "200", description = "The alerts", content = @Content(schema = @Schema(implementation = AlertList.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public AlertList mine(@QueryParam("token") @Parameter(required = true, description = "The management link's token",
            example = MANAGE_TOKEN_EXAMPLE) String token) {
        String email = alerts.manager(token);
        return new AlertList(mask(email), alerts.of(email).stream().map(s -> AlertView.of(s, alerts.unsubscribed(s))).toList());
    }

    @DELETE
    @Path("manage/subscriptions/{id}")
    @PermitAll
    @Transactional
    @Operation(operationId = "deleteMyAlert", summary = "Delete one of the link's address's alerts",
            description = "With what it matched; another address's alert is a 404.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response deleteOne(@PathParam("id") @Parameter(example = "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") UUID id,
            @QueryParam("token") @Parameter(required = true, description = "The management link's token",
                    example = MANAGE_TOKEN_EXAMPLE) String token) {
        alerts.delete(alerts.manager(token), id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("manage")
    @PermitAll
    @Transactional
    @Operation(operationId = "deleteMyAlerts", summary = "Delete every alert of the link's address",
            description = "The address is then kept only in the email log and unsubscriptions.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response deleteAll(@QueryParam("token") @Parameter(required = true, description = "The management link's token",
            example = MANAGE_TOKEN_EXAMPLE) String token) {
        alerts.deleteAll(alerts.manager(token));
        return Response.noContent().build();
    }

    private static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
