package fr.sudia.directory.opendata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import fr.sudia.platform.text.SpreadsheetText;
import fr.sudia.platform.opendata.OpenData;
import fr.sudia.platform.opendata.OpenDataset;
import fr.sudia.platform.opendata.OpenDataset.Column;
import fr.sudia.directory.catalogue.Solution;
import fr.sudia.directory.catalogue.SolutionView;
import fr.sudia.directory.catalogue.Training;
import fr.sudia.directory.catalogue.TrainingView;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.directory.organization.LabelStatus;
import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationKind;
import fr.sudia.directory.taxonomy.AiTechnique;
import fr.sudia.directory.taxonomy.Sector;
import fr.sudia.directory.taxonomy.StrategicSector;
import fr.sudia.platform.text.ControlCharacters;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The public directory as open data (CSV, GeoJSON) and its statistics. Published organizations only.
 * Answers carry ETag, Last-Modified and Cache-Control, and 304 when the client's copy is current.
 */
@Path("/api/v1")
@PermitAll
@Tag(name = "Open data", description = "The public directory as CSV and GeoJSON, and its statistics")
public class OpenDataResource {

    static final String CSV = "text/csv";
    static final String GEOJSON = "application/geo+json";
    static final List<String> CSV_COLUMNS = List.of("id", "name", "legalName", "kind", "siren", "siret", "nafCode",
            "headcountBand", "foundedYear", "website", "descriptionFr", "descriptionEn", "address", "postalCode",
            "city", "department", "latitude", "longitude", "sectors", "strategicSectors", "techniques",
            "fundsRaisedEur", "labelStatus", "updatedAt");
    private static final int MAX_AGE_SECONDS = 300;

    static final OpenDataset<Organization> ORGANIZATIONS = OpenDataset.of("sud-ia-organizations",
            "Annuaire des acteurs de l'IA en Région Sud", "Directory of the AI players of the Région Sud",
            "Les organisations publiées de l'annuaire : nature, secteurs, techniques, adresse, coordonnées, label Sud IA.",
            "The directory's published organizations: kind, sectors, techniques, address, coordinates, Sud IA label.", List.of());

    static final OpenDataset<SolutionView> SOLUTIONS = OpenDataset.of("sud-ia-solutions",
            "Solutions et offres d'IA des acteurs de la Région Sud", "AI solutions and offers of the Région Sud's players",
            "Les solutions et offres d'IA publiées, avec l'organisation qui les propose, leurs cas d'usage et clients visés.",
            "The published AI solutions and offers, with the organization offering them, their use cases and target customers.",
            List.<Column<SolutionView>>of(new Column<>("id", SolutionView::id), new Column<>("organizationId", SolutionView::organizationId),
                    new Column<>("name", SolutionView::name), new Column<>("descriptionFr", SolutionView::descriptionFr),
                    new Column<>("descriptionEn", SolutionView::descriptionEn), new Column<>("useCases", SolutionView::useCases),
                    new Column<>("targetCustomers", SolutionView::targetCustomers), new Column<>("sectors", SolutionView::sectors),
                    new Column<>("updatedAt", SolutionView::updatedAt)));

    static final OpenDataset<TrainingView> TRAININGS = OpenDataset.of("sud-ia-trainings",
            "Formations à l'IA en Région Sud", "AI trainings in the Région Sud",
            "Les formations à l'IA publiées, avec l'organisme qui les dispense.", "The published AI trainings, with the body giving them.",
            List.<Column<TrainingView>>of(new Column<>("id", TrainingView::id), new Column<>("organizationId", TrainingView::organizationId),
                    new Column<>("name", TrainingView::name), new Column<>("level", TrainingView::level),
                    new Column<>("institution", TrainingView::institution), new Column<>("city", TrainingView::city),
                    new Column<>("descriptionFr", TrainingView::descriptionFr), new Column<>("website", TrainingView::website),
                    new Column<>("updatedAt", TrainingView::updatedAt)));
    /** The solutions and trainings downloads are rendered in memory: at most this many entries each. */
    static final int MAX_CATALOGUE_ROWS = 50_000;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ExportFiles exports;

    OpenDataResource(EntityManager em, ObjectMapper mapper, ExportFiles exports) {
        this.em = em;
        this.mapper = mapper;
        this.exports = exports;
    }

    @GET
    @Path("exports/organizations.csv")
    @Produces(CSV)
    @Operation(operationId = "exportOrganizationsCsv", summary = "Export the public directory as CSV",
            description = "Every published organization, one per line, ordered by name, UTF-8, RFC 4180, comma "
                    + "delimiter. Columns: " + "`id`, `name`, `legalName`, `kind`, `siren`, `siret`, `nafCode`, "
                    + "`headcountBand`, `foundedYear`, `website`, `descriptionFr`, `descriptionEn`, `address`, "
                    + "`postalCode`, `city`, `department`, `latitude`, `longitude`, `sectors`, `strategicSectors`, "
                    + "`techniques` (lists separated by `|`), `fundsRaisedEur`, `labelStatus`, `updatedAt`. "
                    + "The file can be imported back (`startImport`). Send `If-None-Match` with the ETag read "
                    + "to get a 304 when nothing changed.")
    @APIResponse(responseCode = "200", description = "The directory as CSV",
            headers = { @Header(name = "ETag", description = "Version of the directory", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "Last change", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "id,name,legalName,kind,siren,siret,nafCode,headcountBand,"
                            + "foundedYear,website,descriptionFr,descriptionEn,address,postalCode,city,department,latitude,"
                            + "longitude,sectors,strategicSectors,techniques,fundsRaisedEur,labelStatus,updatedAt\n"
                            + "6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10,Therapixel,,STARTUP,,,,,,,Imagerie médicale,,,,Nice,06,"
                            + "43.7009,7.2683,HEALTH,HEALTH_THERAPIES,COMPUTER_VISION|DEEP_LEARNING,,NONE,"
                            + "2026-11-22T09:30:00Z\n")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response csv(@Context Request request) {
        return cached(request, "csv", CSV, this::writeCsv);
    }

    @GET
    @Path("exports/organizations.geojson")
    @Produces({ GEOJSON, MediaType.APPLICATION_JSON })
    @Operation(operationId = "exportOrganizationsGeoJson", summary = "Export the public directory as GeoJSON",
            description = "An RFC 7946 FeatureCollection of every published organization, for maps: a Point "
                    + "geometry with coordinates [longitude, latitude] (WGS 84) where the organization has "
                    + "coordinates, `null` geometry otherwise; the properties are its public profile (as in the "
                    + "CSV export, lists as arrays). ETag, Last-Modified and 304 as for the CSV export.")
    @APIResponse(responseCode = "200", description = "The directory as GeoJSON",
            headers = { @Header(name = "ETag", description = "Version of the directory", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "Last change", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = GEOJSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "geojson", value = """
                            {"type":"FeatureCollection","features":[{"type":"Feature",
                              "id":"6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10",
                              "geometry":{"type":"Point","coordinates":[7.2683,43.7009]},
                              "properties":{"name":"Therapixel","kind":"STARTUP","city":"Nice","department":"06",
                                "sectors":["HEALTH"],"techniques":["COMPUTER_VISION"],"labelStatus":"NONE"}}]}""")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response geojson(@Context Request request) {
        return cached(request, "geojson", GEOJSON, this::writeGeoJson);
    }

    @GET
    @Path("exports/organizations.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportOrganizationsJson", summary = "Export the public directory as JSON",
            description = "The dataset's metadata (titles, publisher, licence: Licence Ouverte / Open Licence 2.0) and every "
                    + "published organization's public profile (the GeoJSON export's properties), ordered by name. Written "
                    + "once per version of the directory to a file and sent from it; ETag, Last-Modified and 304 as for the CSV.")
    @APIResponse(responseCode = "200", description = "The directory as JSON",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "json", value = """
                            {"dataset":"sud-ia-organizations","title":{"fr":"Annuaire des acteurs de l'IA en Région Sud",
                              "en":"Directory of the AI players of the Région Sud"},"description":{"fr":"…","en":"…"},
                             "publisher":"Région Sud Provence-Alpes-Côte d'Azur","licence":{"id":"etalab-2.0",
                              "name":"Licence Ouverte / Open Licence 2.0","url":"https://www.etalab.gouv.fr/licence-ouverte-open-licence/"},
                             "items":[{"id":"6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10","name":"Therapixel","kind":"STARTUP","city":"Nice",
                               "department":"06","sectors":["HEALTH"],"techniques":["COMPUTER_VISION"],"labelStatus":"NONE"}]}""")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response json(@Context Request request) {
        return cached(request, "json", MediaType.APPLICATION_JSON, this::writeJson);
    }

    @GET
    @Path("exports/solutions.csv")
    @Produces(CSV)
    @Operation(operationId = "exportSolutionsCsv", summary = "Export the published AI solutions as CSV",
            description = "Every published solution, ordered by name, UTF-8, RFC 4180, lists separated by `|`; text a spreadsheet "
                    + "would run is prefixed with an apostrophe. Licence Ouverte / Open Licence 2.0 (`Link` rel=license, "
                    + "`X-License`). ETag and Cache-Control; 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The solutions",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "id,organizationId,name,descriptionFr,descriptionEn,useCases,"
                            + "targetCustomers,sectors,updatedAt\r\n0b5f6d2e-6d3a-4c1b-8f7e-1a2b3c4d5e6f,6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10,"
                            + "MammoScreen,Aide au dépistage,,SCREENING,HOSPITALS,HEALTH,2026-11-22T09:30:00Z\r\n")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response solutionsCsv(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return SOLUTIONS.csv(ifNoneMatch, solutions());
    }

    @GET
    @Path("exports/solutions.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportSolutionsJson", summary = "Export the published AI solutions as JSON",
            description = "The dataset's metadata (titles, publisher, licence) and every published solution as `getSolution` "
                    + "shows it. Licence headers, ETag and 304 as for the CSV.")
    @APIResponse(responseCode = "200", description = "The solutions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "json", value = """
                            {"dataset":"sud-ia-solutions","licence":{"id":"etalab-2.0"},
                             "items":[{"id":"0b5f6d2e-6d3a-4c1b-8f7e-1a2b3c4d5e6f","name":"MammoScreen","sectors":["HEALTH"]}]}""")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response solutionsJson(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return SOLUTIONS.json(ifNoneMatch, mapper, solutions());
    }

    @GET
    @Path("exports/trainings.csv")
    @Produces(CSV)
    @Operation(operationId = "exportTrainingsCsv", summary = "Export the published AI trainings as CSV",
            description = "Every published training, ordered by name, UTF-8, RFC 4180; text a spreadsheet would run is "
                    + "prefixed with an apostrophe. Licence headers, ETag and 304 as for the solutions.")
    @APIResponse(responseCode = "200", description = "The trainings",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "id,organizationId,name,level,institution,city,descriptionFr,"
                            + "website,updatedAt\r\n")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response trainingsCsv(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return TRAININGS.csv(ifNoneMatch, trainings());
    }

    @GET
    @Path("exports/trainings.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportTrainingsJson", summary = "Export the published AI trainings as JSON",
            description = "The dataset's metadata (titles, publisher, licence) and every published training as `getTraining` "
                    + "shows it. Licence headers, ETag and 304 as for the CSV.")
    @APIResponse(responseCode = "200", description = "The trainings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "json", value = """
                            {"dataset":"sud-ia-trainings","licence":{"id":"etalab-2.0"},
                             "items":[{"id":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","name":"Master IA","city":"Nice"}]}""")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response trainingsJson(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return TRAININGS.json(ifNoneMatch, mapper, trainings());
    }

    private List<SolutionView> solutions() {
        return Solution.<Solution>find("deletedAt is null and moderationStatus = 'PUBLISHED' order by lower(name), id")
                .page(0, MAX_CATALOGUE_ROWS).list().stream().map(SolutionView::of).toList();
    }

    private List<TrainingView> trainings() {
        return Training.<Training>find("deletedAt is null and moderationStatus = 'PUBLISHED' order by lower(name), id")
                .page(0, MAX_CATALOGUE_ROWS).list().stream().map(TrainingView::of).toList();
    }

    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDirectoryStatistics", summary = "Statistics of the public directory",
            description = "Counts of published organizations by kind, sector, strategic sector, technique and "
                    + "department, and the share holding a valid Sud IA label. byKind and byDepartment add up to "
                    + "total. ETag, Last-Modified and 304 as for the exports.")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Statistics.class),
                    examples = @ExampleObject(name = "statistics", value = """
                            {"total":3,"labelled":1,"labelledShare":0.3333,
                             "byKind":{"STARTUP":2,"RESEARCH_LAB":1,"SME_ETI":0},
                             "bySector":{"HEALTH":2,"ENVIRONMENT":1,"NONE":0},
                             "byStrategicSector":{"HEALTH_THERAPIES":2,"NONE":1},
                             "byTechnique":{"COMPUTER_VISION":2,"NONE":1},
                             "byDepartment":{"06":2,"13":1,"UNKNOWN":0},"lastChange":"2026-11-22T09:30:00Z"}""")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response statistics(@Context Request request) {
        DirectoryVersion version = DirectoryVersion.current(em);
        EntityTag etag = version.etag("stats");
        Response.ResponseBuilder notModified = request.evaluatePreconditions(version.lastModified(), etag);
        if (notModified != null) {
            return withCaching(notModified, etag, version).build();
        }
        return withCaching(Response.ok(computeStatistics(version)), etag, version).build();
    }

    private Statistics computeStatistics(DirectoryVersion version) {
        String published = " from organization where deleted_at is null and moderation_status = 'PUBLISHED'";
        long total = ((Number) em.createNativeQuery("select count(*)" + published).getSingleResult()).longValue();
        long labelled = ((Number) em.createNativeQuery("select count(*)" + published + " and label_status = :valid")
                .setParameter("valid", LabelStatus.VALID.name()).getSingleResult()).longValue();
        Map<String, Long> byKind = zeros(EnumSet.allOf(OrganizationKind.class).stream().map(Enum::name).toList());
        byKind.putAll(counts("select kind, count(*)" + published + " group by kind"));
        Map<String, Long> byDepartment = new TreeMap<>(counts(
                "select coalesce(department, 'UNKNOWN'), count(*)" + published + " group by 1"));
        return new Statistics(total, labelled, total == 0 ? 0 : Math.round(10_000.0 * labelled / total) / 10_000.0,
                byKind, multi("sectors", published, EnumSet.allOf(Sector.class).stream().map(Enum::name).toList()),
                multi("strategic_sectors", published, EnumSet.allOf(StrategicSector.class).stream().map(Enum::name).toList()),
                multi("techniques", published, EnumSet.allOf(AiTechnique.class).stream().map(Enum::name).toList()),
                byDepartment, version.lastChange());
    }

    private Map<String, Long> multi(String column, String published, List<String> all) {
        Map<String, Long> result = zeros(all);
        result.putAll(counts("select value, count(*) from (select unnest(case when cardinality(" + column
                + ") = 0 then array['NONE']::text[] else " + column + " end) as value" + published
                + ") v group by value"));
        result.putIfAbsent("NONE", 0L);
        return result;
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        keys.forEach(key -> map.put(key, 0L));
        return map;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> counts(String sql) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(sql).getResultList()) {
            map.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return map;
    }

    private Response cached(Request request, String representation, String mediaType, ExportFiles.Writer writer) {
        DirectoryVersion version = DirectoryVersion.current(em);
        EntityTag etag = version.etag(representation);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(version.lastModified(), etag);
        if (notModified != null) {
            return withCaching(notModified, etag, version).build();
        }
        java.io.File body = exports.file(representation, etag, writer);
        return withCaching(Response.ok(body, mediaType + (CSV.equals(mediaType) ? "; charset=UTF-8" : "")), etag, version)
                .build();
    }

    private static Response.ResponseBuilder withCaching(Response.ResponseBuilder response, EntityTag etag,
            DirectoryVersion version) {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setMaxAge(MAX_AGE_SECONDS);
        cacheControl.setPrivate(false);
        cacheControl.setNoTransform(false);
        return OpenData.licensed(response.tag(etag).lastModified(version.lastModified()).cacheControl(cacheControl)
                .header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS));
    }

    private void writeCsv(Stream<Organization> organizations, OutputStream target) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get().print(out);
        for (Organization o : (Iterable<Organization>) organizations::iterator) {
            printer.printRecord(o.id, inert(o.name), inert(o.legalName), o.kind, trim(o.siren), trim(o.siret), o.nafCode,
                    o.headcountBand, o.foundedYear, inert(o.website), inert(o.descriptionFr), inert(o.descriptionEn),
                    inert(o.address), inert(o.postalCode), inert(o.city), o.department, o.latitude, o.longitude, String.join("|", o.sectors),
                    String.join("|", o.strategicSectors), String.join("|", o.techniques), o.fundsRaisedEur,
                    o.labelStatus, o.updatedAt == null ? null : o.updatedAt.toInstant());
        }
        printer.flush();
    }

    static String inert(String text) {
        return SpreadsheetText.inert(text);
    }

    private void writeGeoJson(Stream<Organization> organizations, OutputStream target) throws IOException {
        JsonGenerator json = mapper.getFactory().createGenerator(target);
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        ORGANIZATIONS.writeMetadata(json);
        json.writeArrayFieldStart("features");
        for (Organization o : (Iterable<Organization>) organizations::iterator) {
            json.writeStartObject();
            json.writeStringField("type", "Feature");
            json.writeStringField("id", o.id.toString());
            if (o.latitude != null && o.longitude != null) {
                json.writeObjectFieldStart("geometry");
                json.writeStringField("type", "Point");
                json.writeArrayFieldStart("coordinates");
                json.writeNumber(o.longitude);
                json.writeNumber(o.latitude);
                json.writeEndArray();
                json.writeEndObject();
            } else {
                json.writeNullField("geometry");
            }
            json.writeObjectFieldStart("properties");
            writeProperties(json, o);
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    private static void writeProperties(JsonGenerator json, Organization o) throws IOException {
        json.writeStringField("id", o.id.toString());
        json.writeStringField("name", o.name);
        json.writeStringField("legalName", o.legalName);
        json.writeStringField("kind", o.kind.name());
        json.writeStringField("siren", trim(o.siren));
        json.writeStringField("siret", trim(o.siret));
        json.writeStringField("nafCode", o.nafCode);
        json.writeStringField("headcountBand", o.headcountBand == null ? null : o.headcountBand.name());
        json.writeObjectField("foundedYear", o.foundedYear);
        json.writeStringField("website", o.website);
        json.writeStringField("descriptionFr", o.descriptionFr);
        json.writeStringField("descriptionEn", o.descriptionEn);
        json.writeStringField("address", o.address);
        json.writeStringField("postalCode", o.postalCode);
        json.writeStringField("city", o.city);
        json.writeStringField("department", o.department);
        json.writeObjectField("sectors", o.sectors);
        json.writeObjectField("strategicSectors", o.strategicSectors);
        json.writeObjectField("techniques", o.techniques);
        json.writeObjectField("fundsRaisedEur", o.fundsRaisedEur);
        json.writeStringField("labelStatus", o.labelStatus.name());
        json.writeStringField("updatedAt", o.updatedAt == null ? null : o.updatedAt.toInstant().toString());
    }

    private void writeJson(Stream<Organization> organizations, OutputStream target) throws IOException {
        JsonGenerator json = mapper.getFactory().createGenerator(target);
        json.writeStartObject();
        ORGANIZATIONS.writeMetadata(json);
        json.writeArrayFieldStart("items");
        for (Organization o : (Iterable<Organization>) organizations::iterator) {
            json.writeStartObject();
            writeProperties(json, o);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
