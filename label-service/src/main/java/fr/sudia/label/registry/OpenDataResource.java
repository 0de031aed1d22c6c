package fr.sudia.label.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The register of Sud IA labels as open data (every label, every status), under the Licence Ouverte 2.0. */
@Path("/api/v1/open-data")
@PermitAll
@Tag(name = "Open data", description = "The register of Sud IA labels as CSV and JSON, under the Licence Ouverte / Open Licence 2.0")
public class OpenDataResource {

    static final OpenDataset<VerificationView> LABELS = OpenDataset.of("sud-ia-labels", "Registre du label Sud IA",
            "Register of the Sud IA label",
            "Les labels Sud IA délivrés, quel que soit leur statut : numéro, titulaire, catégorie, statut, dates de validité.",
            "The Sud IA labels granted, whatever their status: number, holder, category, status, validity dates.",
            List.<Column<VerificationView>>of(new Column<>("labelNumber", VerificationView::labelNumber),
                    new Column<>("status", VerificationView::status), new Column<>("since", VerificationView::since),
                    new Column<>("holderOrganizationId", v -> v.holder().organizationId()),
                    new Column<>("holderName", v -> v.holder().name()), new Column<>("holderCity", v -> v.holder().city()),
                    new Column<>("category", VerificationView::category), new Column<>("grantedOn", VerificationView::grantedOn),
                    new Column<>("validUntil", VerificationView::validUntil),
                    new Column<>("suspendedUntil", VerificationView::suspendedUntil)));

    private final LabelIndex index;
    private final ObjectMapper mapper;
    private final Clock clock;

    OpenDataResource(LabelIndex index, ObjectMapper mapper, Clock clock) {
        this.index = index;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GET
    @Path("labels.csv")
    @Produces(OpenData.CSV)
    @Operation(operationId = "downloadLabelsCsv", summary = "Download the label register as CSV",
            description = "Every label (valid, suspended, withdrawn, expired), in registry order, UTF-8, RFC 4180; text that a "
                    + "spreadsheet would run as a formula is prefixed with an apostrophe. Licence Ouverte / Open Licence 2.0 "
                    + "(headers `Link: <…>; rel=\"license\"` and `X-License`). ETag and Cache-Control; 304 on If-None-Match. "
                    + "Answered from the registry's in-memory index.")
    @APIResponse(responseCode = "200", description = "The register",
            content = @Content(mediaType = OpenData.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "labelNumber,status,since,holderOrganizationId,holderName,"
                            + "holderCity,category,grantedOn,validUntil,suspendedUntil\r\nSUD-IA-2026-0042,VALID,2026-04-01T10:00:00Z,"
                            + "6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10,Terra Numerica,Sophia Antipolis,COMPANY_OR_PROJECT,2026-04-01,"
                            + "2028-03-31,\r\n")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "csv")
    public Response csv(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return LABELS.csv(ifNoneMatch, views());
    }

    @GET
    @Path("labels.json")
    @Produces(OpenData.JSON)
    @Operation(operationId = "downloadLabelsJson", summary = "Download the label register as JSON",
            description = "The dataset's metadata (titles, publisher, licence) and every label as the verification shows it, in "
                    + "registry order. Licence headers, ETag and 304 as for the CSV.")
    @APIResponse(responseCode = "200", description = "The register",
            content = @Content(mediaType = OpenData.JSON,
                    examples = @ExampleObject(name = "json", value = """
                            {"dataset":"sud-ia-labels","title":{"fr":"Registre du label Sud IA","en":"Register of the Sud IA label"},
                             "description":{"fr":"Les labels Sud IA délivrés, quel que soit leur statut…","en":"The Sud IA labels granted, whatever their status…"},
                             "items":[{"labelNumber":"SUD-IA-2026-0042","status":"VALID","since":"2026-04-01T10:00:00Z",
                               "holder":{"organizationId":"6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10","name":"Terra Numerica",
                                 "city":"Sophia Antipolis"},"category":"COMPANY_OR_PROJECT","grantedOn":"2026-04-01",
                               "validUntil":"2028-03-31","suspendedUntil":null}]}""")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "json")
    public Response json(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return LABELS.json(ifNoneMatch, mapper, views());
    }

    private List<VerificationView> views() {
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        return index.all().stream().map(label -> VerificationView.of(label, today)).toList();
    }
}
