package fr.sudia.events.registration;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventCatalogue;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.text.SpreadsheetText;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

@Path("/api/v1/events/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Registrations", description = "Booking seats of workshops and open days: individuals, groups, waitlists, check-in")
public class RegistrationResource {

    static final String CSV = "text/csv";

    private final RegistrationDesk desk;
    private final RegistrationAnswers answers;
    private final BookingLanes lanes;

    RegistrationResource(RegistrationDesk desk, RegistrationAnswers answers, BookingLanes lanes) {
        this.desk = desk;
        this.lanes = lanes;
        this.answers = answers;
    }

    @GET
    @Path("registration")
    @PermitAll
    @Transactional
    @Operation(operationId = "getRegistration", summary = "How an event takes registrations, and the seats left",
            description = "The rules (capacity, dates, audiences, groups, waitlist, questions), the consent text to show, "
                    + "and each coming occurrence's seats left and state, by start. 404 when the event takes no "
                    + "registration on the platform (it may link to an outside form: `registrationUrl`).")
    @APIResponse(responseCode = "200", description = "The registration and its coming occurrences",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "How many coming occurrences, 1 to 100") int limit) {
        Event event = Event.find(id).filter(Event::isPublic).orElseThrow(() -> EventCatalogue.notFound(id));
        RegistrationSetup setup = RegistrationDesk.setupOf(id);
        return Response.ok(answers.view(event, setup, limit)).tag(Versions.etag(setup.version))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    @PUT
    @Path("registration")
    @Transactional
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.PARTNER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "setUpRegistration", summary = "Open registration on the platform, or change its rules",
            description = "The organizer's partners, editors and admins. The first time, no `If-Match`; afterwards the "
                    + "ETag read. A higher capacity confirms waitlisted bookings at once (in arrival order); `closed` "
                    + "stops new bookings and keeps the others. An event with a `registrationUrl` keeps its outside form: a 409.")
    @APIResponse(responseCode = "200", description = "The registration",
            headers = @Header(name = "ETag", description = "Version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response setUp(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read, when changing it") String ifMatch,
            @Valid @NotNull RegistrationSetupInput input) {
        RegistrationSetup setup = desk.setUp(id, ifMatch, input);
        return Response.ok(answers.view(Event.<Event>findById(id), setup, 20)).tag(Versions.etag(setup.version)).build();
    }

    @Schema(name = "OccurrenceRegistrationInput")
    public record OccurrenceInput(
            @Min(1) @Max(100_000) @Schema(description = "This occurrence's own capacity; absent: the event's", examples = "40") Integer capacity,
            @Schema(description = "Stops new bookings of this occurrence", examples = "false") boolean closed) {
    }

    @PUT
    @Path("occurrences/{originalStart}/registration")
    @Transactional
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.PARTNER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "changeOccurrenceRegistration", summary = "Change one occurrence's capacity, or close it",
            description = "A capacity under the seats already booked is a 409; a higher one confirms waitlisted bookings. "
                    + "To cancel the occurrence itself (every registrant is told), use `changeOccurrence` with `cancelled`.")
    @APIResponse(responseCode = "200", description = "The occurrence's availability",
            content = @Content(schema = @Schema(implementation = RegistrationView.OccurrenceAvailability.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RegistrationView.OccurrenceAvailability changeOccurrence(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @PathParam("originalStart") @Parameter(description = ORIGINAL_START, example = "2027-02-10T13:00:00Z") String originalStart,
            @Valid @NotNull OccurrenceInput input) {
        Instant start = instant(originalStart);
        desk.changeOccurrence(id, start, input.capacity(), input.closed());
        Event event = Event.<Event>findById(id);
        RegistrationSetup setup = RegistrationDesk.setupOf(id);
        return answers.availability(event, setup, List.of(desk.occurrence(id, start))).get(0);
    }

    static final String ORIGINAL_START = "The occurrence's original start, an ISO instant (an event's `startsAt` when it does not recur)";

    @POST
    @Path("occurrences/{originalStart}/bookings")
    @PermitAll
    @Operation(operationId = "bookSeats", summary = "Book seats of an occurrence, with no account",
            description = "Name, email, category and commune, with consent to the version of the text the registration "
                    + "shows. Confirmed while seats are left, else on the waitlist (if the registration keeps one; a 409 "
                    + "otherwise). The answer holds the booking code, the secret `manageUrl` (given only here: see, "
                    + "change or cancel the booking, erase your data) and the occurrence as an iCalendar invitation.")
    @APIResponse(responseCode = "201", description = "Booked: CONFIRMED, or WAITLISTED with its position",
            headers = @Header(name = "Location", description = "The management link", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response book(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @PathParam("originalStart") @Parameter(description = ORIGINAL_START, example = "2027-02-10T13:00:00Z") String originalStart,
            @Valid @NotNull IndividualBooking input) {
        Instant start = instant(originalStart);
        return answers.booked(lanes.book(id, start, () -> desk.bookIndividual(id, start, input)), input.language());
    }

    @POST
    @Path("occurrences/{originalStart}/group-bookings")
    @PermitAll
    @Operation(operationId = "bookForGroup", summary = "Book for a class or a group",
            description = "A teacher or a structure: its name, UAI code for schools, level, head count and optionally how "
                    + "many girls; a contact person. No pupil's personal data is asked. A group larger than the "
                    + "occurrence is a 400; one that does not fit in the seats left goes to the waitlist.")
    @APIResponse(responseCode = "201", description = "Booked: CONFIRMED, or WAITLISTED with its position",
            headers = @Header(name = "Location", description = "The management link", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response bookForGroup(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @PathParam("originalStart") @Parameter(description = ORIGINAL_START, example = "2027-02-10T13:00:00Z") String originalStart,
            @Valid @NotNull GroupBooking input) {
        Instant start = instant(originalStart);
        return answers.booked(lanes.book(id, start, () -> desk.bookGroup(id, start, input)), input.language());
    }

    @GET
    @Path("occurrences/{originalStart}/registrants")
    @Transactional
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.PARTNER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listRegistrants", summary = "List an occurrence's bookings and waitlist",
            description = "In arrival order (the waitlist's order); `status` filters. The organizer's partners, editors and "
                    + "admins; a 404 for anyone else, as for a missing event.")
    @APIResponse(responseCode = "200", description = "One page of bookings",
            content = @Content(schema = @Schema(implementation = RegistrantPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<RegistrantView> registrants(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @PathParam("originalStart") @Parameter(description = ORIGINAL_START, example = "2027-02-10T13:00:00Z") String originalStart,
            @QueryParam("status") @Parameter(description = "Only bookings in this state") BookingStatus status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Size(max = 200) @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        Instant start = instant(originalStart);
        desk.organized(id);
        desk.occurrence(id, start);
        long after = cursor == null ? -1 : Cursor.number(Cursor.decode(cursor, 1).get(0));
        List<Registration> rows = Registration.<Registration>find("eventId = ?1 and originalStart = ?2 and arrival > ?3"
                + (status == null ? "" : " and status = ?4") + " order by arrival",
                status == null ? new Object[] { id, start, after } : new Object[] { id, start, after, status })
                .range(0, limit).list();
        return Page.fromKeyset(rows, limit, r -> List.of(String.valueOf(r.arrival)), RegistrantView::of);
    }

    @Schema(name = "RegistrantPage")
    public record RegistrantPage(@Schema(required = true) List<RegistrantView> items, @Schema(nullable = true) String nextCursor) {
    }

    @GET
    @Path("occurrences/{originalStart}/registrants.csv")
    @Produces(CSV)
    @Transactional
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.PARTNER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "exportRegistrants", summary = "Export an occurrence's bookings as CSV",
            description = "Every booking, in arrival order, for a spreadsheet: text a spreadsheet would run as a formula "
                    + "is prefixed with an apostrophe. Same access as the list.")
    @APIResponse(responseCode = "200", description = "The bookings as CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    example = "bookingCode,kind,status,seats,name,email,audience,inseeCode,postcode,department,structureName,uai,level,girls,present,checkedInAt,bookedAt\n"
                            + "7KQ4M2XD,INDIVIDUAL,CONFIRMED,1,Camille Martin,camille.martin@example.org,SENIOR,06018,,06,,,,,1,2027-02-10T13:02:00Z,2027-01-20T09:00:00Z\n"))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response export(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @PathParam("originalStart") @Parameter(description = ORIGINAL_START, example = "2027-02-10T13:00:00Z") String originalStart) {
        Instant start = instant(originalStart);
        desk.organized(id);
        desk.occurrence(id, start);
        List<Registration> rows = Registration.list("eventId = ?1 and originalStart = ?2 order by arrival", id, start);
        StreamingOutput body = out -> write(rows, out);
        return Response.ok(body, CSV + "; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"registrants-" + id + ".csv\"").build();
    }

    @Schema(name = "CheckInBatch")
    public record CheckInBatch(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull CheckInInput> checkIns) {
    }

    @Schema(name = "CheckInResults")
    public record CheckInResults(@Schema(required = true) List<RegistrationDesk.CheckInResult> results) {
    }

    @POST
    @Path("occurrences/{originalStart}/check-ins")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR, Roles.PARTNER })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "checkIn", summary = "Record check-ins at the door",
            description = "From one or several devices, now or later (offline scans keep their `checkedAt`). Each scan "
                    + "has an id chosen by the device: sending it again changes nothing, and a booking scanned twice "
                    + "counts once (its presence is the latest scan's). A booking that is not confirmed is reported, "
                    + "not checked in. Once the occurrence has ended, a change republishes its attendance.")
    @APIResponse(responseCode = "200", description = "What became of each scan",
            content = @Content(schema = @Schema(implementation = CheckInResults.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CheckInResults checkIn(@PathParam("id") @Parameter(description = "Event id") UUID id,
            @PathParam("originalStart") @Parameter(description = ORIGINAL_START, example = "2027-02-10T13:00:00Z") String originalStart,
            @Valid @NotNull CheckInBatch batch) {
        return new CheckInResults(desk.checkIn(id, instant(originalStart), batch.checkIns()));
    }

    // ----

    static void write(List<Registration> rows, java.io.OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader("bookingCode", "kind", "status", "seats", "name", "email",
                "audience", "inseeCode", "postcode", "department", "structureName", "uai", "level", "girls", "present",
                "checkedInAt", "bookedAt").get().print(writer);
        for (Registration r : rows) {
            printer.printRecord(r.bookingCode, r.kind, r.status, r.seats, SpreadsheetText.inert(r.name),
                    SpreadsheetText.inert(r.email), r.audience, r.communeCode, r.postcode, r.department,
                    SpreadsheetText.inert(r.structureName), r.uai, r.level, r.girls, r.present, r.checkedInAt, r.createdAt);
        }
        printer.flush();
    }

    static Instant instant(String originalStart) {
        try {
            return Instant.parse(originalStart);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("originalStart: must be an ISO instant such as 2027-02-10T13:00:00Z.");
        }
    }
}
