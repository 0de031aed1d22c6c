package fr.sudia.events.registration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.events.event.Event;
import fr.sudia.events.feed.IcsFeed;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The registrant's side, through the secret management link: whoever holds the link acts for the booking, nobody
 * else can (a wrong or someone else's link is a 404, as for no booking at all). Answers are never cached.
 */
@Path("/api/v1/bookings/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Registrations")
public class BookingResource {

    private static final String TOKEN = "The secret of the management link given at booking";

    private final RegistrationDesk desk;
    private final String publicUrl;

    BookingResource(RegistrationDesk desk, @ConfigProperty(name = "sudia.events.public-url") String publicUrl) {
        this.desk = desk;
        this.publicUrl = publicUrl;
    }

    @GET
    @Transactional
    @Operation(operationId = "getBooking", summary = "See your booking",
            description = "Its state (and place on the waitlist), the occurrence, and the data you gave.")
    @APIResponse(responseCode = "200", description = "The booking", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("token") @Parameter(description = TOKEN) String token) {
        return view(desk.byToken(token));
    }

    @Schema(name = "SeatsChange")
    public record SeatsChange(@NotNull @Min(1) @Max(1000) @Schema(description = "The new number of seats (a group's head count)",
            examples = "2") Integer seats) {
    }

    @PUT
    @Path("seats")
    @Transactional
    @Operation(operationId = "changeBookedSeats", summary = "Change the number of seats",
            description = "Fewer seats free them for the waitlist at once; more seats are a 409 when they are not left. "
                    + "Until the occurrence starts.")
    @APIResponse(responseCode = "200", description = "The booking", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response changeSeats(@PathParam("token") @Parameter(description = TOKEN) String token,
            @Valid @NotNull SeatsChange change) {
        return view(desk.changeSeats(token, change.seats()));
    }

    @DELETE
    @Transactional
    @Operation(operationId = "cancelBooking", summary = "Cancel your booking",
            description = "The seats go to the waitlist at once. Until the occurrence starts. The booking stays readable "
                    + "(CANCELLED) through the link.")
    @APIResponse(responseCode = "200", description = "The cancelled booking", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response cancel(@PathParam("token") @Parameter(description = TOKEN) String token) {
        return view(desk.cancel(token));
    }

    @DELETE
    @Path("newsletter-consent")
    @Transactional
    @Operation(operationId = "withdrawNewsletterConsent", summary = "Withdraw your newsletter consent",
            description = "As easy as giving it: the consent is withdrawn at once and the time recorded; the booking is "
                    + "not changed. Withdrawing again changes nothing.")
    @APIResponse(responseCode = "200", description = "The booking, with the withdrawal recorded",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response withdrawNewsletter(@PathParam("token") @Parameter(description = TOKEN) String token) {
        return view(desk.withdrawNewsletter(token));
    }

    @DELETE
    @Path("personal-data")
    @Transactional
    @Operation(operationId = "eraseBooking", summary = "Erase your data",
            description = "Cancels the booking if it is still to come, and removes your name, email and answers at once; "
                    + "what remains is counted anonymously (category, commune, seats).")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response erase(@PathParam("token") @Parameter(description = TOKEN) String token) {
        desk.erase(token);
        return Response.noContent().build();
    }

    @GET
    @Path("invitation.ics")
    @Produces("text/calendar")
    @Transactional
    @Operation(operationId = "getBookingInvitation", summary = "The booked occurrence as an iCalendar invitation",
            description = "To add to your calendar; CANCELLED once the booking or the occurrence is.")
    @APIResponse(responseCode = "200", description = "An iCalendar document",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING),
                    example = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n...\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response invitation(@PathParam("token") @Parameter(description = TOKEN) String token) {
        Registration registration = desk.byToken(token);
        Event event = Event.<Event>findById(registration.eventId);
        RegistrationDesk.Occurrence occurrence = desk.occurrence(registration.eventId, registration.originalStart);
        String ics = IcsFeed.invitation(event, registration.id, registration.bookingCode, occurrence.startsAt(),
                occurrence.endsAt(), registration.status == BookingStatus.CANCELLED || occurrence.cancelled(), publicUrl,
                "en".equals(registration.language));
        return Response.ok(ics, "text/calendar; charset=utf-8").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("qr.svg")
    @Produces("image/svg+xml")
    @Transactional
    @Operation(operationId = "getBookingQrCode", summary = "The booking code as a QR code",
            description = "An SVG image holding the booking code, to show at the door.")
    @APIResponse(responseCode = "200", description = "An SVG image",
            content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING),
                    example = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\">...</svg>"))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response qrCode(@PathParam("token") @Parameter(description = TOKEN) String token) {
        return Response.ok(QrCodes.svg(desk.byToken(token).bookingCode), "image/svg+xml")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private Response view(Registration registration) {
        Event event = Event.<Event>findById(registration.eventId);
        // Null when the event's rule changed since: the booking still shows its original start.
        RegistrationDesk.Occurrence occurrence = desk.findOccurrence(registration.eventId, registration.originalStart)
                .orElse(null);
        return Response.ok(BookingView.of(registration, event, occurrence, desk.waitlistPosition(registration), null, null))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
