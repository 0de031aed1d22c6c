package fr.sudia.impact.indicator;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.impact.fact.Metric;
import fr.sudia.impact.publication.PublicReads;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

@Path("/api/v1")
@Tag(name = "Open data", description = "Every indicator's figures as downloads, under the Licence Ouverte / Open Licence 2.0")
public class OpenDataResource {

    private final Figures figures;
    private final PublicReads publicReads;

    OpenDataResource(Figures figures, PublicReads publicReads) {
        this.figures = figures;
        this.publicReads = publicReads;
    }

    @GET
    @Path("open-data/indicators.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "downloadIndicatorsJson", summary = "Download every indicator's figures as JSON",
            description = "Definitions, measured values, targets and progress, declared figures apart; with the licence and "
                    + "the methodology. Cacheable: ETag and Cache-Control, 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The dataset (Link rel=license and X-License headers: etalab-2.0)",
            content = @Content(schema = @Schema(implementation = FigureViews.Dataset.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response json(@Context Request request) {
        return anyOrigin(publicReads.json(request, "dataset", figures::dataset));
    }

    @GET
    @Path("open-data/indicators/{id}.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "downloadIndicatorFiguresJson", summary = "Download one indicator's figures as JSON",
            description = "What the embeddable element of partner sites shows: the measured value, progress against the "
                    + "target, declared figures apart. Readable from any origin; ETag and Cache-Control, 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The indicator's figures",
            content = @Content(schema = @Schema(implementation = FigureViews.Figures.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response indicator(@PathParam("id") @Parameter(example = "pupils-made-aware") String id, @Context Request request) {
        return anyOrigin(publicReads.json(request, "figures/" + id, () -> figures.figures(id)));
    }

    @GET
    @Path("open-data/indicators.csv")
    @PermitAll
    @Produces("text/csv")
    @Operation(operationId = "downloadIndicatorsCsv", summary = "Download every indicator's figures as CSV",
            description = "One row per measured value, target and declared figure (column nature: MEASURED, TARGET, "
                    + "DECLARED: never to be added together); the licence and the methodology in # comment lines first.")
    @APIResponse(responseCode = "200", description = "The dataset",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    example = "# Licence: Licence Ouverte / Open Licence 2.0\n# Methodology: ...\n"
                            + "indicator_id,name_fr,name_en,nature,value,unit,period_start,period_end,scope,source\n"))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response csv(@Context Request request) {
        return anyOrigin(publicReads.text(request, "dataset", () -> OpenData.datasetCsv(figures.dataset()), "text/csv; charset=utf-8",
                "sud-ia-indicators.csv"));
    }

    /**
     * Open data carries its licence (platform OpenData headers) and is read by partners' pages from any origin (the
     * gateway sets the same header on this route).
     */
    private static Response anyOrigin(Response response) {
        return fr.sudia.platform.opendata.OpenData.licensed(Response.fromResponse(response))
                .header("Access-Control-Allow-Origin", "*").build();
    }

    @Schema(description = "A metric of the read model an indicator's computation can name")
    public record MetricView(String key, String topic, String description, List<String> filters) {
    }

    @GET
    @Path("metrics")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Indicators")
    @Operation(operationId = "listMetrics", summary = "List the metrics indicators are computed from",
            description = "Each metric is fed by one topic; its filters are those an indicator may set.")
    @APIResponse(responseCode = "200", description = "The metrics",
            content = @Content(schema = @Schema(implementation = MetricView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response metrics(@Context Request request) {
        return publicReads.json(request, "metrics", () -> Arrays.stream(Metric.values())
                .map(m -> new MetricView(m.key(), m.topic(), m.description(), m.filters().stream().sorted().toList())).toList());
    }
}
