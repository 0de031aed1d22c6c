package fr.sudia.directory.opendata;

import java.io.Writer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;


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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.directory.organization.LabelStatus;
import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationKind;
import fr.sudia.directory.taxonomy.AiTechnique;
import fr.sudia.directory.taxonomy.Sector;
import fr.sudia.directory.taxonomy.StrategicSector;
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

    private static final int MAX_AGE_SECONDS = 300;

    static final OpenDataset<PublicOrganization> ORGANIZATIONS = OpenDataset.of("sud-ia-organizations",
            "Annuaire des acteurs de l'IA en Région Sud", "Directory of the AI players of the Région Sud",
            "Les organisations publiées de l'annuaire : nature, secteurs, techniques, adresse, coordonnées, label Sud IA.",
            "The directory's published organizations: kind, sectors, techniques, address, coordinates, Sud IA label.",
            List.<Column<PublicOrganization>>of(new Column<>("id", PublicOrganization::id), new Column<>("name", PublicOrganization::name),
                    new Column<>("legalName", PublicOrganization::legalName), new Column<>("kind", PublicOrganization::kind),
                    new Column<>("siren", PublicOrganization::siren), new Column<>("siret", PublicOrganization::siret),
                    new Column<>("nafCode", PublicOrganization::nafCode), new Column<>("headcountBand", PublicOrganization::headcountBand),
                    new Column<>("foundedYear", PublicOrganization::foundedYear), new Column<>("website", PublicOrganization::website),
                    new Column<>("descriptionFr", PublicOrganization::descriptionFr),
                    new Column<>("descriptionEn", PublicOrganization::descriptionEn), new Column<>("address", PublicOrganization::address),
                    new Column<>("postalCode", PublicOrganization::postalCode), new Column<>("city", PublicOrganization::city),
                    new Column<>("department", PublicOrganization::department), new Column<>("latitude", PublicOrganization::latitude),
                    new Column<>("longitude", PublicOrganization::longitude), new Column<>("sectors", PublicOrganization::sectors),
                    new Column<>("strategicSectors", PublicOrganization::strategicSectors),
                    new Column<>("techniques", PublicOrganization::techniques),
                    new Column<>("fundsRaisedEur", PublicOrganization::fundsRaisedEur),
                    new Column<>("labelStatus", PublicOrganization::labelStatus), new Column<>("updatedAt", PublicOrganization::updatedAt)))
            .withPlaces(o -> o.id().toString(), o -> o.latitude() == null || o.longitude() == null ? null
                    : new OpenDataset.Point(o.longitude(), o.latitude()));

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
    @Produces(OpenData.CSV)
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
            content = @Content(mediaType = OpenData.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "id,name,legalName,kind,siren,siret,nafCode,headcountBand,"
                            + "foundedYear,website,descriptionFr,descriptionEn,address,postalCode,city,department,latitude,"
                            + "longitude,sectors,strategicSectors,techniques,fundsRaisedEur,labelStatus,updatedAt\n"
                            + "6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10,Therapixel,,STARTUP,,,,,,,Imagerie médicale,,,,Nice,06,"
                            + "43.7009,7.2683,HEALTH,HEALTH_THERAPIES,COMPUTER_VISION|DEEP_LEARNING,,NONE,"
                            + "2026-11-22T09:30:00Z\n")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "csv")
    public Response csv(@Context Request request) {
        return cached(request, "csv", OpenData.CSV, (organizations, out) -> ORGANIZATIONS.writeCsv(out, publicProfiles(organizations)));
    }

    @GET
    @Path("exports/organizations.geojson")
    @Produces({ OpenData.GEOJSON, MediaType.APPLICATION_JSON })
    @Operation(operationId = "exportOrganizationsGeoJson", summary = "Export the public directory as GeoJSON",
            description = "An RFC 7946 FeatureCollection of every published organization, for maps: a Point "
                    + "geometry with coordinates [longitude, latitude] (WGS 84) where the organization has "
                    + "coordinates, `null` geometry otherwise; the properties are its public profile (as in the "
                    + "CSV export, lists as arrays). ETag, Last-Modified and 304 as for the CSV export.")
    @APIResponse(responseCode = "200", description = "The directory as GeoJSON",
            headers = { @Header(name = "ETag", description = "Version of the directory", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "Last change", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = OpenData.GEOJSON,
                    examples = @ExampleObject(name = "geojson", value = """
                            {"type":"FeatureCollection","dataset":"sud-ia-organizations",
                             "title":{"fr":"Annuaire des acteurs de l'IA en Région Sud","en":"Directory of the AI players of the Région Sud"},
                             "description":{"fr":"Les organisations publiées de l'annuaire…","en":"The directory's published organizations…"},
                             "features":[{"type":"Feature",
                              "id":"6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10",
                              "geometry":{"type":"Point","coordinates":[7.2683,43.7009]},
                              "properties":{"name":"Therapixel","kind":"STARTUP","city":"Nice","department":"06",
                                "sectors":["HEALTH"],"techniques":["COMPUTER_VISION"],"labelStatus":"NONE"}}]}""")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "geojson")
    public Response geojson(@Context Request request) {
        return cached(request, "geojson", OpenData.GEOJSON,
                (organizations, out) -> ORGANIZATIONS.writeGeoJson(mapper, out, publicProfiles(organizations)));
    }

    @GET
    @Path("exports/organizations.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportOrganizationsJson", summary = "Export the public directory as JSON",
            description = "The dataset's metadata (titles, publisher, licence: Licence Ouverte / Open Licence 2.0) and every "
                    + "published organization's public profile (the GeoJSON export's properties), ordered by name. Written "
                    + "once per version of the directory to a file and sent from it; ETag, Last-Modified and 304 as for the CSV.")
    @APIResponse(responseCode = "200", description = "The directory as JSON",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "json", value = """
                            {"dataset":"sud-ia-organizations","title":{"fr":"Annuaire des acteurs de l'IA en Région Sud",
                              "en":"Directory of the AI players of the Région Sud"},
                             "description":{"fr":"Les organisations publiées de l'annuaire…","en":"The directory's published organizations…"},
                             "items":[{"id":"6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10","name":"Therapixel","kind":"STARTUP","city":"Nice",
                               "department":"06","sectors":["HEALTH"],"techniques":["COMPUTER_VISION"],"labelStatus":"NONE"}]}""")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "json")
    public Response json(@Context Request request) {
        return cached(request, "json", MediaType.APPLICATION_JSON,
                (organizations, out) -> ORGANIZATIONS.writeJson(mapper, out, publicProfiles(organizations)));
    }

    @GET
    @Path("exports/solutions.csv")
    @Produces(OpenData.CSV)
    @Operation(operationId = "exportSolutionsCsv", summary = "Export the published AI solutions as CSV",
            description = "Every published solution, ordered by name, UTF-8, RFC 4180, lists separated by `|`; text a spreadsheet "
                    + "would run is prefixed with an apostrophe. Licence Ouverte / Open Licence 2.0 (`Link` rel=license, "
                    + "`X-License`). ETag and Cache-Control; 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The solutions",
            content = @Content(mediaType = OpenData.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "id,organizationId,name,descriptionFr,descriptionEn,useCases,"
                            + "targetCustomers,sectors,updatedAt\r\n0b5f6d2e-6d3a-4c1b-8f7e-1a2b3c4d5e6f,6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10,"
                            + "MammoScreen,Aide au dépistage,,SCREENING,HOSPITALS,HEALTH,2026-11-22T09:30:00Z\r\n")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "csv")
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "json", value = """
                            {"dataset":"sud-ia-solutions","title":{"fr":"Solutions et offres d'IA des acteurs de la Région Sud",
                               "en":"AI solutions and offers of the Région Sud's players"},
                             "description":{"fr":"Les solutions et offres d'IA publiées…","en":"The published AI solutions and offers…"},
                             "items":[{"id":"0b5f6d2e-6d3a-4c1b-8f7e-1a2b3c4d5e6f","name":"MammoScreen","sectors":["HEALTH"]}]}""")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "json")
    public Response solutionsJson(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return SOLUTIONS.json(ifNoneMatch, mapper, solutions());
    }

    @GET
    @Path("exports/trainings.csv")
    @Produces(OpenData.CSV)
    @Operation(operationId = "exportTrainingsCsv", summary = "Export the published AI trainings as CSV",
            description = "Every published training, ordered by name, UTF-8, RFC 4180; text a spreadsheet would run is "
                    + "prefixed with an apostrophe. Licence headers, ETag and 304 as for the solutions.")
    @APIResponse(responseCode = "200", description = "The trainings",
            content = @Content(mediaType = OpenData.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "id,organizationId,name,level,institution,city,descriptionFr,"
                            + "website,updatedAt\r\n")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "csv")
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "json", value = """
                            {"dataset":"sud-ia-trainings","title":{"fr":"Formations à l'IA en Région Sud","en":"AI trainings in the Région Sud"},
                             "description":{"fr":"Les formations à l'IA publiées…","en":"The published AI trainings…"},
                             "items":[{"id":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","name":"Master IA","city":"Nice"}]}""")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "json")
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
        return withCaching(Response.ok(body, mediaType + (OpenData.CSV.equals(mediaType) ? "; charset=UTF-8" : "")), etag, version)
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

    private static Iterable<PublicOrganization> publicProfiles(Stream<Organization> organizations) {
        return () -> organizations.map(PublicOrganization::of).iterator();
    }
}
