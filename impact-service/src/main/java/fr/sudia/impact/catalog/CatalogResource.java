package fr.sudia.impact.catalog;

import java.time.Instant;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.opendata.OpenData;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The DCAT-AP catalogue of every public dataset of the platform (impact-service is its open-data service). */
@Path("/api/v1")
@Tag(name = "Open data", description = "Every indicator's figures as downloads, under the Licence Ouverte / Open Licence 2.0")
public class CatalogResource {

    static final String JSON_LD = "application/ld+json";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final String publicUrl;

    CatalogResource(EntityManager em, ObjectMapper mapper, @ConfigProperty(name = "sudia.impact.public-url") String publicUrl) {
        this.em = em;
        this.mapper = mapper;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @GET
    @Path("open-data/catalog.jsonld")
    @PermitAll
    @Produces({ JSON_LD, "application/json" })
    @Operation(operationId = "getOpenDataCatalog", summary = "The DCAT-AP catalogue of the platform's open data",
            description = "Every public dataset of the platform (organizations, AI solutions, trainings, events, funding "
                    + "schemes and their deadlines, the Sud IA label register, the plan's indicators) as a DCAT-AP catalogue in "
                    + "JSON-LD, for harvesters such as DATASUD: titles and descriptions in French and English, the publisher "
                    + "(Région Sud), the licence (Licence Ouverte / Open Licence 2.0, etalab-2.0), one distribution per format "
                    + "with its download URL through the gateway and its media type, and the date of the latest change where "
                    + "this service reads it from the topics. ETag and Cache-Control; 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The catalogue (Link rel=license and X-License headers)",
            content = @Content(mediaType = JSON_LD, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "catalog", value = """
                            {"@context":{"dcat":"http://www.w3.org/ns/dcat#","dct":"http://purl.org/dc/terms/"},
                             "@id":"https://api.sud-ia.example/api/impact/v1/open-data/catalog.jsonld","@type":"dcat:Catalog",
                             "dcat:dataset":[{"@id":"https://api.sud-ia.example/api/impact/v1/open-data/catalog.jsonld#sud-ia-labels",
                               "@type":"dcat:Dataset","dct:identifier":"sud-ia-labels",
                               "dct:title":[{"@value":"Registre du label Sud IA","@language":"fr"}],
                               "dct:license":{"@id":"https://www.etalab.gouv.fr/licence-ouverte-open-licence/"},
                               "dcat:distribution":[{"@id":"https://api.sud-ia.example/api/labels/v1/open-data/labels.csv",
                                 "@type":"dcat:Distribution",
                                 "dcat:downloadURL":{"@id":"https://api.sud-ia.example/api/labels/v1/open-data/labels.csv"},
                                 "dcat:mediaType":{"@id":"http://www.iana.org/assignments/media-types/text/csv"}}]}]}""")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response catalog(@HeaderParam("If-None-Match") String ifNoneMatch) {
        try {
            byte[] body = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(OpenDataCatalog.document(publicUrl, this::modified));
            return OpenData.download(ifNoneMatch, body, JSON_LD, "catalog.jsonld");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest change this service applied from {@code topic} ("*": from any topic, or to an indicator). */
    private Optional<Instant> modified(String topic) {
        Object latest = "*".equals(topic)
                ? em.createNativeQuery("select max(version_at) from source_version").getSingleResult()
                : em.createNativeQuery("select max(version_at) from source_version where topic = :topic")
                        .setParameter("topic", topic).getSingleResult();
        return Optional.ofNullable(latest).map(CatalogResource::instant);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
