package fr.sudia.funding.scheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.opendata.OpenData;
import fr.sudia.platform.opendata.OpenDataset;
import fr.sudia.platform.opendata.OpenDataset.Column;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * The published schemes and their deadlines as open data (Licence Ouverte 2.0). The catalogue holds hundreds of schemes,
 * not millions: each download is rendered in memory, then revalidated by its digest (ETag).
 */
@Path("/api/v1/open-data")
@PermitAll
@Tag(name = "Open data", description = "The scheme catalogue and its deadlines as CSV and JSON, under the Licence Ouverte / Open Licence 2.0")
public class OpenDataResource {

    /** One application deadline of a published scheme. */
    public record DeadlineView(UUID schemeId, String schemeName, String provider, Level level, SchemeKind kind,
            LocalDate deadline, String applicationUrl) {
    }

    static final OpenDataset<SchemeView> SCHEMES = OpenDataset.of("sud-ia-funding-schemes",
            "Dispositifs d'accompagnement et de financement de l'IA", "AI support and funding schemes",
            "Le catalogue publié du guichet unique : dispositif, financeur, niveau, nature, montants, taux, enveloppe, dates, lien.",
            "The one-stop desk's published catalogue: scheme, provider, level, kind, amounts, rate, envelope, dates, link.",
            List.<Column<SchemeView>>of(new Column<>("id", SchemeView::id), new Column<>("name", SchemeView::name),
                    new Column<>("provider", SchemeView::provider), new Column<>("level", SchemeView::level),
                    new Column<>("kind", SchemeView::kind), new Column<>("pillars", SchemeView::pillars),
                    new Column<>("descriptionFr", SchemeView::descriptionFr), new Column<>("descriptionEn", SchemeView::descriptionEn),
                    new Column<>("amountMinEur", SchemeView::amountMinEur), new Column<>("amountMaxEur", SchemeView::amountMaxEur),
                    new Column<>("fundingRatePercent", SchemeView::fundingRatePercent),
                    new Column<>("envelopeEur", SchemeView::envelopeEur), new Column<>("envelopePerYear", SchemeView::envelopePerYear),
                    new Column<>("durationMonths", SchemeView::durationMonths), new Column<>("opensOn", SchemeView::opensOn),
                    new Column<>("deadlines", SchemeView::deadlines), new Column<>("ongoing", SchemeView::ongoing),
                    new Column<>("open", SchemeView::open), new Column<>("nextDeadline", SchemeView::nextDeadline),
                    new Column<>("applicationUrl", SchemeView::applicationUrl), new Column<>("updatedAt", SchemeView::updatedAt)));

    static final OpenDataset<DeadlineView> DEADLINES = OpenDataset.of("sud-ia-funding-deadlines",
            "Dates limites des dispositifs de financement de l'IA", "Deadlines of the AI funding schemes",
            "Les dates limites de candidature des dispositifs publiés, une ligne par échéance, par date.",
            "The application deadlines of the published schemes, one row per deadline, by date.",
            List.<Column<DeadlineView>>of(new Column<>("deadline", DeadlineView::deadline),
                    new Column<>("schemeId", DeadlineView::schemeId), new Column<>("schemeName", DeadlineView::schemeName),
                    new Column<>("provider", DeadlineView::provider), new Column<>("level", DeadlineView::level),
                    new Column<>("kind", DeadlineView::kind), new Column<>("applicationUrl", DeadlineView::applicationUrl)));

    private final SchemeCatalogue catalogue;
    private final ObjectMapper mapper;

    OpenDataResource(SchemeCatalogue catalogue, ObjectMapper mapper) {
        this.catalogue = catalogue;
        this.mapper = mapper;
    }

    @GET
    @Path("schemes.csv")
    @Produces(OpenData.CSV)
    @Operation(operationId = "downloadSchemesCsv", summary = "Download the published schemes as CSV",
            description = "Every published scheme, ordered by name, UTF-8, RFC 4180, lists separated by `|`; text a spreadsheet "
                    + "would run as a formula is prefixed with an apostrophe. Licence Ouverte / Open Licence 2.0 (headers "
                    + "`Link: <…>; rel=\"license\"` and `X-License`). ETag and Cache-Control; 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The schemes",
            content = @Content(mediaType = OpenData.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "id,name,provider,level,kind,pillars,descriptionFr,descriptionEn,"
                            + "amountMinEur,amountMaxEur,fundingRatePercent,envelopeEur,envelopePerYear,durationMonths,opensOn,"
                            + "deadlines,ongoing,open,nextDeadline,applicationUrl,updatedAt\r\n3b0d1c5e-8f61-4a43-9a55-0f1c2f7e6b11,"
                            + "Mon assistant IA,Région Sud,REGION,GRANT,FINANCIAL,Une subvention,,5000,30000,50,,false,,,"
                            + "2027-03-31,false,true,2027-03-31,,2026-11-22T09:30:00Z\r\n")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "csv")
    public Response schemesCsv(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return SCHEMES.csv(ifNoneMatch, schemes());
    }

    @GET
    @Path("schemes.json")
    @Produces(OpenData.JSON)
    @Operation(operationId = "downloadSchemesJson", summary = "Download the published schemes as JSON",
            description = "The dataset's metadata (titles, publisher, licence) and every published scheme as `getScheme` shows it "
                    + "(eligibility conditions included). Licence headers, ETag and 304 as for the CSV.")
    @APIResponse(responseCode = "200", description = "The schemes",
            content = @Content(mediaType = OpenData.JSON,
                    examples = @ExampleObject(name = "json", value = """
                            {"dataset":"sud-ia-funding-schemes","title":{"fr":"Dispositifs…","en":"AI support and funding schemes"},
                             "description":{"fr":"Le catalogue publié du guichet unique…","en":"The one-stop desk's published catalogue…"},
                             "items":[{"id":"3b0d1c5e-8f61-4a43-9a55-0f1c2f7e6b11","name":"Mon assistant IA","provider":"Région Sud",
                               "level":"REGION","kind":"GRANT","deadlines":["2027-03-31"],"open":true}]}""")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "json")
    public Response schemesJson(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return SCHEMES.json(ifNoneMatch, mapper, schemes());
    }

    @GET
    @Path("deadlines.csv")
    @Produces(OpenData.CSV)
    @Operation(operationId = "downloadDeadlinesCsv", summary = "Download the schemes' deadlines as CSV",
            description = "One row per application deadline of a published scheme, by date then scheme name. Licence headers, "
                    + "ETag and 304 as for the schemes.")
    @APIResponse(responseCode = "200", description = "The deadlines",
            content = @Content(mediaType = OpenData.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "deadline,schemeId,schemeName,provider,level,kind,applicationUrl\r\n"
                            + "2027-03-31,3b0d1c5e-8f61-4a43-9a55-0f1c2f7e6b11,Mon assistant IA,Région Sud,REGION,GRANT,\r\n")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "csv")
    public Response deadlinesCsv(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return DEADLINES.csv(ifNoneMatch, deadlines());
    }

    @GET
    @Path("deadlines.json")
    @Produces(OpenData.JSON)
    @Operation(operationId = "downloadDeadlinesJson", summary = "Download the schemes' deadlines as JSON",
            description = "The dataset's metadata and one item per application deadline of a published scheme. Licence headers, "
                    + "ETag and 304 as for the schemes.")
    @APIResponse(responseCode = "200", description = "The deadlines",
            content = @Content(mediaType = OpenData.JSON,
                    examples = @ExampleObject(name = "json", value = """
                            {"dataset":"sud-ia-funding-deadlines","title":{"fr":"Dates limites des dispositifs de financement de l'IA",
                               "en":"Deadlines of the AI funding schemes"},
                             "description":{"fr":"Les dates limites de candidature…","en":"The application deadlines…"},
                             "items":[{"schemeId":"3b0d1c5e-8f61-4a43-9a55-0f1c2f7e6b11","schemeName":"Mon assistant IA",
                               "provider":"Région Sud","level":"REGION","kind":"GRANT","deadline":"2027-03-31","applicationUrl":null}]}""")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "json")
    public Response deadlinesJson(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return DEADLINES.json(ifNoneMatch, mapper, deadlines());
    }

    @Transactional
    List<SchemeView> schemes() {
        List<Scheme> published = Scheme.list("status = ?1 order by name, id", SchemeStatus.PUBLISHED);
        return published.stream().map(catalogue::view).toList();
    }

    List<DeadlineView> deadlines() {
        List<DeadlineView> rows = new ArrayList<>();
        for (SchemeView s : schemes()) {
            for (LocalDate deadline : s.deadlines()) {
                rows.add(new DeadlineView(s.id(), s.name(), s.provider(), s.level(), s.kind(), deadline, s.applicationUrl()));
            }
        }
        rows.sort(java.util.Comparator.comparing(DeadlineView::deadline).thenComparing(DeadlineView::schemeName)
                .thenComparing(DeadlineView::schemeId));
        return rows;
    }
}
