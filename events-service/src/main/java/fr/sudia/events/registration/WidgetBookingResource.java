package fr.sudia.events.registration;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventCatalogue;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Booking from the widget on a partner's page: the registration's availability and an individual booking, beside
 * the feeds so that the widget finds them next to its script (the gateway serves them from any origin, like the
 * feeds, but never caches them). The same rules and answers as the API's registration operations.
 */
@Path("/feeds/bookings/{eventId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Registrations")
public class WidgetBookingResource {

    static final String PATH = "/feeds/bookings/";

    private final RegistrationDesk desk;
    private final RegistrationAnswers answers;
    private final BookingLanes lanes;

    WidgetBookingResource(RegistrationDesk desk, RegistrationAnswers answers, BookingLanes lanes) {
        this.desk = desk;
        this.lanes = lanes;
        this.answers = answers;
    }

    @GET
    @Transactional
    @Operation(operationId = "getWidgetRegistration", summary = "The registration and seats left, for the widget",
            description = "As `getRegistration`, readable from any origin; never cached.")
    @APIResponse(responseCode = "200", description = "The registration and its coming occurrences",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response registration(@PathParam("eventId") @Parameter(description = "Event id") UUID eventId) {
        Event event = Event.find(eventId).filter(Event::isPublic).orElseThrow(() -> EventCatalogue.notFound(eventId));
        return Response.ok(answers.view(event, RegistrationDesk.setupOf(eventId), 50))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("{originalStart}")
    @Operation(operationId = "bookSeatsFromWidget", summary = "Book seats from the widget",
            description = "As `bookSeats`, from any origin (a partner's page).")
    @APIResponse(responseCode = "201", description = "Booked: CONFIRMED, or WAITLISTED with its position",
            headers = @Header(name = "Location", description = "The management link", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response book(@PathParam("eventId") @Parameter(description = "Event id") UUID eventId,
            @PathParam("originalStart") @Parameter(description = RegistrationResource.ORIGINAL_START,
                    example = "2027-02-10T13:00:00Z") String originalStart,
            @Valid @NotNull IndividualBooking input) {
        java.time.Instant start = RegistrationResource.instant(originalStart);
        return answers.booked(lanes.book(eventId, start, () -> desk.bookIndividual(eventId, start, input)), input.language());
    }

    @OPTIONS
    @Operation(hidden = true) // a CORS preflight, answered by the gateway in front of the service
    public Response preflight(@PathParam("eventId") @Parameter(description = "Event id") String eventId) {
        return Response.noContent().build();
    }

    @OPTIONS
    @Path("{originalStart}")
    @Operation(hidden = true)
    public Response preflightBooking(@PathParam("eventId") @Parameter(description = "Event id") String eventId,
            @PathParam("originalStart") @Parameter(description = RegistrationResource.ORIGINAL_START) String originalStart) {
        return Response.noContent().build();
    }

    /** Every answer under /feeds/bookings/, errors included, is readable by the partner's page. */
    @ServerResponseFilter
    public void allowAnyOrigin(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith(PATH)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
            response.getHeaders().putSingle("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            response.getHeaders().putSingle("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type");
            response.getHeaders().putSingle("Access-Control-Max-Age", "86400");
        }
    }
}
