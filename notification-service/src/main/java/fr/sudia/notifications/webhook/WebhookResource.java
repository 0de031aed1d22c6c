package fr.sudia.notifications.webhook;

import java.util.List;
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

import fr.sudia.platform.http.Locations;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
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

/** A partner's webhook subscriptions (an admin's: anyone's); another organization's is a 404. */
@Path("/api/v1/webhooks/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
@SecurityRequirement(name = "bearer")
@Transactional
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@Tag(name = "Webhooks", description = "Partners' subscriptions to the platform's events, signed per Standard Webhooks")
public class WebhookResource {

    private static final String EXAMPLE_ID = "3c1a9b52-7d4e-4f60-8a1b-2c3d4e5f6a7b";

    private final Subscriptions subscriptions;

    WebhookResource(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Schema(name = "WebhookSubscriptionList", description = "Subscriptions, oldest first (at most 200)")
    public record SubscriptionList(List<SubscriptionView> items) {
    }

    @Schema(name = "WebhookDeliveryList", description = "The subscription's latest deliveries (at most 100), newest first")
    public record DeliveryList(List<DeliveryView> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a URL to event types",
            description = "The URL must be https and lead to a public address (checked after DNS resolution, and again "
                    + "before every delivery). The answer holds the signing secret (whsec_…): each delivery carries "
                    + "webhook-id, webhook-timestamp and webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body>). "
                    + "Failed deliveries are retried at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h; a "
                    + "message whose every attempt failed disables the subscription and its owner is told by email.")
    @APIResponse(responseCode = "201", description = "Subscribed",
            headers = @Header(name = "Location", description = "URL of the subscription", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public Response create(@Valid @NotNull SubscriptionForm form) {
        WebhookSubscription s = subscriptions.create(form);
        return Locations.created("/api/v1/webhooks/subscriptions/" + s.id).entity(SubscriptionView.of(s, true)).build();
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "List webhook subscriptions",
            description = "A partner sees its organization's; an admin all, or one organization's.")
    @APIResponse(responseCode = "200", description = "The subscriptions",
            content = @Content(schema = @Schema(implementation = SubscriptionList.class)))
    public SubscriptionList list(@QueryParam("organizationId")
            @Parameter(description = "Admins: only this organization's", example = "6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10") String organizationId) {
        return new SubscriptionList(subscriptions.list(organizationId).stream().map(s -> SubscriptionView.of(s, false)).toList());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "Get a webhook subscription",
            description = "Another organization's is a 404.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubscriptionView get(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
        return SubscriptionView.of(subscriptions.find(id), false);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Remove a webhook subscription",
            description = "With its delivery log; nothing more is sent.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret/rotate")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a subscription's signing secret",
            description = "The answer holds the new secret. For 24 hours deliveries carry two signatures in "
                    + "webhook-signature (space-separated): the new secret's and the previous one's.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubscriptionView rotate(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
        return SubscriptionView.of(subscriptions.rotate(id), true);
    }

    @POST
    @Path("{id}/enable")
    @Operation(operationId = "enableWebhookSubscription", summary = "Enable a disabled subscription again",
            description = "Its URL is checked again; messages still pending resume their schedule, failed ones can be "
                    + "redelivered.")
    @APIResponse(responseCode = "200", description = "Enabled",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubscriptionView enable(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
        return SubscriptionView.of(subscriptions.enable(id), false);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Read a subscription's delivery log",
            description = "Each message with its status and every attempt (time, HTTP status or error, duration).")
    @APIResponse(responseCode = "200", description = "The deliveries",
            content = @Content(schema = @Schema(implementation = DeliveryList.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeliveryList deliveries(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
        return new DeliveryList(subscriptions.deliveries(id));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a message again",
            description = "Same webhook-id and body, signed anew, with a fresh retry schedule. 409 while the "
                    + "subscription is disabled.")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response redeliver(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
            @PathParam("deliveryId") @Parameter(example = "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") UUID deliveryId) {
        subscriptions.redeliver(id, deliveryId);
        return Response.accepted().build();
    }
}
