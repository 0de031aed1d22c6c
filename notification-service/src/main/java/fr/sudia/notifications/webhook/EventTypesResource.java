package fr.sudia.notifications.webhook;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What one may subscribe a webhook to: public, unlike the subscriptions. */
@Path("/api/v1/webhooks/event-types")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Webhooks")
public class EventTypesResource {

    @Schema(name = "WebhookEventTypes", description = "The event types one may subscribe to")
    public record EventTypeList(@Schema(example = "[\"fr.sudia.events.event.cancelled\"]") List<String> items) {
    }

    @GET
    @Operation(operationId = "listWebhookEventTypes", summary = "List the event types one may subscribe to",
            description = "CloudEvents types of the platform's public events; the payload's data is the event's, "
                    + "as its contract (AsyncAPI of its producer) describes it.")
    @APIResponse(responseCode = "200", description = "The types",
            content = @Content(schema = @Schema(implementation = EventTypeList.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public EventTypeList eventTypes() {
        return new EventTypeList(EventTypes.ALL);
    }
}
