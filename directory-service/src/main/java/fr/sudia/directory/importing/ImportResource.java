package fr.sudia.directory.importing;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.http.Locations;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk import of organizations from CSV or JSON files (e.g. exports of Sud Place or MotherBase)")
public class ImportResource {

    static final String CSV = "text/csv";

    private static final String COLUMNS = """
            Imports a file of organizations, checked row by row with the same rules as `registerOrganization`, \
            and answers at once with a job (202) whose progress and report `getImport` gives. The good rows are \
            stored in the background, by batches, each in its own transaction, through the same registry as the \
            API: history and `directory.organizations.v1` events included. An editor's import is public at once.

            **Matching and re-imports.** A row is the organization with its `id` (optional column, as in the \
            exports), else the one with the same SIREN, else the only one with the same name and city (case, \
            accents and punctuation ignored; several such organizations: the row is rejected). A row identical to the stored profile counts as \
            `unchanged` (nothing written, no event); a row that differs updates it; otherwise it is created. \
            Importing the same file twice changes nothing the second time. A row without SIREN/SIRET keeps the \
            known ones. Two rows of one file for the same organization: the second is rejected.

            **CSV** (`text/csv`, UTF-8, RFC 4180; delimiter `,` or `;` or tab, taken from the header line). \
            The header names the columns, in any order: `name`, `legalName`, `kind`, `siren`, `siret`, `nafCode`, \
            `headcountBand`, `foundedYear`, `website`, `descriptionFr`, `descriptionEn`, `address`, `postalCode`, \
            `city`, `department`, `latitude`, `longitude`, `sectors`, `strategicSectors`, `techniques`, \
            `fundsRaisedEur`, and optionally `id`. `name`, `kind` and `city` are required; unknown columns are ignored. French headers \
            are accepted too (`nom`, `raison_sociale`, `type`, `code_naf`, `effectif`, `annee_creation`, \
            `site_web`, `description`, `adresse`, `code_postal`, `ville`, `departement`, `secteurs`, \
            `secteurs_strategiques`, `techniques_ia`, `fonds_leves`...). The list columns `sectors`, \
            `strategicSectors` and `techniques` separate their values with `|` (`;` also accepted). Values of \
            `kind`, `headcountBand` and the lists are the API's codes in any case (`HEALTH`, `health`) or their \
            French labels (`Santé`); decimals may use a comma. The CSV export (`exportOrganizationsCsv`) has these \
            columns and can be imported back.

            **JSON** (`application/json`): an array of objects with the fields of `OrganizationProfile`, lists as \
            arrays; other fields are ignored.

            **Errors.** A row that breaks the CSV quoting is rejected with the parser's message and reading goes \
            on at the next line. A file that cannot be read at all (empty, not UTF-8, not an array, no `name`, \
            `kind` or `city` column) is a 400 and nothing is stored. Files up to 20 MB.""";

    private final ImportService imports;
    private final ObjectMapper mapper;

    ImportResource(ImportService imports, ObjectMapper mapper) {
        this.imports = imports;
        this.mapper = mapper;
    }

    @POST
    @Consumes({ CSV, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "startImport", summary = "Import organizations from a CSV or JSON file", description = COLUMNS)
    @RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = "name,kind,siren,city,department,latitude,longitude,sectors,techniques,descriptionFr\n"
                            + "Therapixel,STARTUP,,Nice,06,43.7009,7.2683,HEALTH,COMPUTER_VISION|DEEP_LEARNING,"
                            + "\"Imagerie médicale, dépistage du cancer du sein\"\n"
                            + "Bioceanor,STARTUP,,Valbonne,06,43.6410,7.0090,ENVIRONMENT|MARITIME,TIME_SERIES_PREDICTIVE,"
                            + "Qualité de l'eau\n")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = fr.sudia.directory.organization.OrganizationProfile.class),
                    examples = @ExampleObject(name = "json", value = "[{\"name\":\"Therapixel\",\"kind\":\"STARTUP\","
                            + "\"city\":\"Nice\",\"department\":\"06\",\"sectors\":[\"HEALTH\"],"
                            + "\"techniques\":[\"COMPUTER_VISION\"]}]")) })
    @APIResponse(responseCode = "202", description = "Accepted: the job is queued; follow it at Location",
            headers = @Header(name = "Location", description = "URL of the job", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class),
                    examples = @ExampleObject(name = "queued", value = """
                            {"id":"0b9f5c1e-3c1a-4a53-8f7e-2f2f6b1d9a11","status":"QUEUED","format":"CSV",
                             "fileSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","fileBytes":2048,
                             "createdBy":"dev-editor","createdAt":"2026-11-22T09:30:00Z","startedAt":null,"finishedAt":null,
                             "counts":{"total":3,"accepted":0,"created":0,"updated":0,"unchanged":0,"rejected":1},
                             "processed":1,"progress":0.33,"error":null,
                             "rejectedRows":[{"line":4,"row":3,"name":"Videtics","violations":[
                               {"field":"siren","message":"must be a valid SIREN: 9 digits with a correct check digit"}]}]}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response start(@Context HttpHeaders headers, byte[] body) {
        MediaType type = headers.getMediaType();
        ImportJob.Format format = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                ? ImportJob.Format.JSON : ImportJob.Format.CSV;
        ImportJob job = imports.start(format, body);
        return Locations.accepted("/api/v1/imports/" + job.id).entity(view(job.id)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getImport", summary = "Follow an import",
            description = "The job's status (QUEUED, RUNNING, DONE, FAILED), its counts (total, accepted = created + "
                    + "updated, unchanged, rejected), its progress (processed / total) and the first rejected rows with "
                    + "their line and reasons (field and message; all of them: listImportRejections). Poll it until "
                    + "DONE or FAILED.")
    @APIResponse(responseCode = "200", description = "The job and its report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class),
                    examples = @ExampleObject(name = "done", value = """
                            {"id":"0b9f5c1e-3c1a-4a53-8f7e-2f2f6b1d9a11","status":"DONE","format":"CSV",
                             "fileSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","fileBytes":2048,
                             "createdBy":"dev-editor","createdAt":"2026-11-22T09:30:00Z","startedAt":"2026-11-22T09:30:00.2Z",
                             "finishedAt":"2026-11-22T09:30:01Z",
                             "counts":{"total":3,"accepted":2,"created":1,"updated":1,"unchanged":0,"rejected":1},
                             "processed":3,"progress":1.0,"error":null,
                             "rejectedRows":[{"line":4,"row":3,"name":"Videtics","violations":[
                               {"field":"sectors","message":"unknown value 'Aérospatial'; expected one of HEALTH, INDUSTRY, ..."}]}]}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ImportJobView get(@PathParam("id") @Parameter(description = "Import job id") UUID id) {
        return view(id);
    }

    @GET
    @Path("{id}/rejections")
    @RolesAllowed({ Roles.ADMIN, Roles.EDITOR })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listImportRejections", summary = "List an import's rejected rows",
            description = "Every rejected row of the job with its line and reasons, by line, a page at a time (the job "
                    + "itself shows the first " + ImportJobView.REJECTED_ROWS_SHOWN + ").")
    @APIResponse(responseCode = "200", description = "One page of rejected rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RejectionsPage.class),
                    examples = @ExampleObject(name = "page", value = """
                            {"items":[{"line":4,"row":3,"name":"Videtics","violations":[
                               {"field":"siren","message":"not a valid SIREN (9 digits, Luhn check)"}]}],
                             "nextCursor":null}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<ImportJobView.RejectedRow> rejections(@PathParam("id") @Parameter(description = "Import job id") UUID id,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(Page.MAX_LIMIT) @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        job(id);
        List<String> after = Cursor.decode(cursor, 2);
        int afterLine = Integer.MIN_VALUE;
        long afterId = Long.MIN_VALUE;
        if (!after.isEmpty()) {
            // a line past the int range (a tampered cursor) simply finds nothing after it
            afterLine = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Cursor.number(after.get(0))));
            afterId = Cursor.number(after.get(1));
        }
        List<ImportRejection> rows = ImportRejection.<ImportRejection>find(
                "jobId = ?1 and (line > ?2 or (line = ?2 and id > ?3)) order by line, id", id, afterLine, afterId)
                .page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, r -> List.of(Integer.toString(r.line), Long.toString(r.id)),
                r -> ImportJobView.rejectedRow(r, mapper));
    }

    @Schema(name = "ImportRejectionsPage")
    record RejectionsPage(List<ImportJobView.RejectedRow> items, @Schema(nullable = true) String nextCursor) {
    }

    private static ImportJob job(UUID id) {
        return ImportJob.<ImportJob>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No import " + id + "."));
    }

    private ImportJobView view(UUID id) {
        return ImportJobView.of(job(id), ImportRejection.<ImportRejection>find("jobId = ?1 order by line, id", id)
                .page(0, ImportJobView.REJECTED_ROWS_SHOWN).list(), mapper);
    }
}
