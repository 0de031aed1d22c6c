package fr.sudia.impact.indicator;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.http.Locations;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import fr.sudia.impact.publication.PublicReads;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "The plan's indicators (as data), their measured figures, targets and progress")
public class IndicatorResource {

    private static final String ID = "{id: [a-z0-9]+(-[a-z0-9]+)*}";

    private final Indicators indicators;
    private final Figures figures;
    private final PublicReads publicReads;

    IndicatorResource(Indicators indicators, Figures figures, PublicReads publicReads) {
        this.indicators = indicators;
        this.figures = figures;
        this.publicReads = publicReads;
    }

    @Schema(name = "IndicatorPage", description = "The indicators, in dashboard order (all of them: the list is short)")
    public record IndicatorPage(java.util.List<IndicatorView> items, @Schema(nullable = true) String nextCursor) {
    }

    @GET
    @PermitAll
    @Operation(operationId = "listIndicators", summary = "List the indicators",
            description = "Every indicator of the plan, in dashboard order, with its computation, breakdowns and target. "
                    + "Cacheable: ETag and Cache-Control, 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The indicators",
            content = @Content(schema = @Schema(implementation = IndicatorPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response list(@Context Request request) {
        return publicReads.json(request, "indicators", () -> new Page<>(figures.all(), null));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createIndicator", summary = "Add an indicator",
            description = "The computation names a metric of the read model (GET /v1/metrics) and filters it supports; every "
                    + "breakdown must be one the metric can give with those filters; a target carries the indicator's unit "
                    + "and a period whose end is not before its start. Bad input stores nothing.")
    @APIResponse(responseCode = "201", description = "Added",
            headers = @Header(name = "Location", description = "URL of the indicator", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Valid @NotNull IndicatorForm form) {
        Indicator indicator = indicators.create(form);
        return Locations.created("/api/v1/indicators/" + indicator.id).tag(Versions.etag(indicator.version))
                .entity(IndicatorView.of(indicator)).build();
    }

    @GET
    @Path(ID)
    @PermitAll
    @Operation(operationId = "getIndicator", summary = "Get an indicator's definition",
            description = "Its ETag is its version, the If-Match of updates; 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The indicator",
            headers = @Header(name = "ETag", description = "The version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(example = "people-made-aware") String id, @Context Request request) {
        IndicatorView view = IndicatorView.of(indicators.find(id));
        return publicReads.versioned(request, view.version(), view);
    }

    @PUT
    @Path(ID)
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateIndicator", summary = "Change an indicator",
            description = "The whole definition, checked as on creation; If-Match carries the version read.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") @Parameter(example = "people-made-aware") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read", example = "\"0\"") String ifMatch,
            @Valid @NotNull IndicatorForm form) {
        long expected = Versions.requireIfMatch(ifMatch);
        Indicator indicator = indicators.update(id, expected, form);
        return Response.ok(IndicatorView.of(indicator)).tag(Versions.etag(indicator.version)).build();
    }

    @DELETE
    @Path(ID)
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteIndicator", summary = "Remove an indicator",
            description = "Its declared figures go with it; the measured facts stay (they belong to the read model).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response delete(@PathParam("id") @Parameter(example = "people-made-aware") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read", example = "\"0\"") String ifMatch) {
        indicators.delete(id, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path(ID + "/figures")
    @PermitAll
    @Operation(operationId = "getIndicatorFigures", summary = "Get an indicator's value now",
            description = "What the platform measured (all time), the declared figures apart with their sources, and the "
                    + "progress against the target. Cacheable: ETag and Cache-Control, 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = FigureViews.Figures.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response figures(@PathParam("id") @Parameter(example = "people-made-aware") String id, @Context Request request) {
        return publicReads.json(request, "figures/" + id, () -> figures.figures(id));
    }

    @GET
    @Path(ID + "/progress")
    @PermitAll
    @Operation(operationId = "getIndicatorProgress", summary = "Get an indicator's progress against its target",
            description = "The measured figure over the target's period divided by the target; declared figures "
                    + "overlapping the period are listed apart and not counted. 404 when the plan gives no target.")
    @APIResponse(responseCode = "200", description = "The progress",
            content = @Content(schema = @Schema(implementation = FigureViews.Progress.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response progress(@PathParam("id") @Parameter(example = "ai-challenges-held") String id, @Context Request request) {
        return publicReads.json(request, "progress/" + id, () -> figures.progress(id));
    }

    @GET
    @Path(ID + "/series")
    @PermitAll
    @Operation(operationId = "getIndicatorSeries", summary = "Get an indicator's measured time series",
            description = "Measured figures by year, quarter or month (among the indicator's breakdowns), optionally broken "
                    + "down by one more of its breakdowns, between two days (inclusive, Europe/Paris). Carries the licence "
                    + "and the methodology.")
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(schema = @Schema(implementation = FigureViews.Series.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response series(@PathParam("id") @Parameter(example = "people-made-aware") String id,
            @QueryParam("period") @Parameter(description = "year (default), quarter or month", example = "year") String period,
            @QueryParam("breakdown") @Parameter(description = "One of the indicator's breakdowns", example = "audience") String breakdown,
            @QueryParam("from") @Parameter(description = "First day", example = "2026-01-01", schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Last day", example = "2026-12-31", schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @Context Request request) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        return publicReads.json(request, String.join("|", "series", id, period, breakdown, from, to),
                () -> figures.series(id, period, breakdown, first, last));
    }

    @GET
    @Path(ID + "/series.csv")
    @PermitAll
    @Produces("text/csv")
    @Operation(operationId = "downloadIndicatorSeries", summary = "Download an indicator's time series as CSV",
            description = "As the JSON series, one row per point; the licence and the methodology in # comment lines first.")
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    example = "# Licence: Licence Ouverte / Open Licence 2.0\n# Methodology: ...\n"
                            + "indicator_id,nature,period,breakdown,breakdown_value,value,unit\n"
                            + "people-made-aware,MEASURED,2026,audience,PUPIL,120,people\n"))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response seriesCsv(@PathParam("id") @Parameter(example = "people-made-aware") String id,
            @QueryParam("period") @Parameter(description = "year (default), quarter or month", example = "year") String period,
            @QueryParam("breakdown") @Parameter(description = "One of the indicator's breakdowns", example = "audience") String breakdown,
            @QueryParam("from") @Parameter(description = "First day", example = "2026-01-01", schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Last day", example = "2026-12-31", schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @Context Request request) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        return fr.sudia.platform.opendata.OpenData.licensed(Response.fromResponse(publicReads.text(request,
                String.join("|", "series", id, period, breakdown, from, to),
                () -> OpenData.seriesCsv(figures.series(id, period, breakdown, first, last)),
                "text/csv; charset=utf-8", id + "-series.csv"))).build();
    }

    private static LocalDate day(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new jakarta.ws.rs.BadRequestException(parameter + " must be a day such as 2026-01-31, not " + value + ".");
        }
    }
}
