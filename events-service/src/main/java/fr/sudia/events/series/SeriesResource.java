package fr.sudia.events.series;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.events.feed.CalendarVersion;
import fr.sudia.platform.http.Locations;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Series", description = "Recurring event brands (WAICF, IA Dates…) and their editions")
public class SeriesResource {

    private final Clock clock;
    private final CalendarVersion calendarVersion;

    SeriesResource(Clock clock, CalendarVersion calendarVersion) {
        this.clock = clock;
        this.calendarVersion = calendarVersion;
    }

    @POST
    @Transactional
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createSeries", summary = "Create a series",
            description = "Editors create the series that events name as editions (seriesId).")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "URL of the series", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response create(@Valid @NotNull SeriesInput input) {
        Series series = new Series();
        series.id = UUID.randomUUID();
        series.version = 1;
        series.name = input.name().strip();
        series.description = input.description();
        series.website = input.website();
        series.createdAt = Instant.now(clock);
        series.updatedAt = series.createdAt;
        series.persist();
        calendarVersion.bump();
        return Locations.created("/api/v1/series/" + series.id).entity(SeriesView.of(series)).build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "listSeries", summary = "List the series",
            description = "Every series, by name, one page at a time (follow `nextCursor`).")
    @APIResponse(responseCode = "200", description = "One page of series",
            content = @Content(schema = @Schema(implementation = SeriesPage.class),
                    examples = @ExampleObject(name = "first page", value = """
                            {"items":[{"id":"0b6f3a52-8f0e-4a53-9d6c-2f1b8c1e7a10","name":"WAICF",
                            "description":"World AI Cannes Festival","website":"https://www.worldaicannes.com/"}],
                            "nextCursor":null}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<SeriesView> list(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        List<Series> rows = after.isEmpty()
                ? Series.<Series>find("order by name, id").page(0, limit + 1).list()
                : Series.<Series>find("name > ?1 or (name = ?1 and id > ?2) order by name, id",
                        after.get(0), Cursor.uuid(after.get(1))).page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, series -> List.of(series.name, series.id.toString()), SeriesView::of);
    }

    /** The shape of {@link #list}'s answer, for the OpenAPI document. */
    record SeriesPage(@Schema(required = true) List<SeriesView> items, @Schema(nullable = true) String nextCursor) {
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getSeries", summary = "Get a series", description = "One series; search events with "
            + "`series={id}` for its editions.")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SeriesView get(@PathParam("id") @Parameter(description = "Series id") UUID id) {
        return Series.<Series>findByIdOptional(id).map(SeriesView::of)
                .orElseThrow(() -> new NotFoundException("No series " + id + "."));
    }
}
