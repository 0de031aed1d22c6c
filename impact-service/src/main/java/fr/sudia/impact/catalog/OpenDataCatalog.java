package fr.sudia.impact.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.sudia.platform.opendata.OpenData;

/**
 * The platform's public datasets, as a DCAT-AP catalogue in JSON-LD that a harvester (DATASUD) reads: each dataset
 * with its titles and descriptions in French and English, its publisher (the Région), its licence (etalab-2.0), its
 * distributions (one per format: the download URL through the gateway and its media type) and, where this service
 * knows it from the topics it reads, the date its data last changed.
 */
public final class OpenDataCatalog {

    /** One format of a dataset. */
    public enum Format {
        CSV("csv", "text/csv", "CSV"), JSON("json", "application/json", "JSON"), GEOJSON("geojson", "application/geo+json", "GEOJSON");

        final String extension;
        final String mediaType;
        final String euFileType;

        Format(String extension, String mediaType, String euFileType) {
            this.extension = extension;
            this.mediaType = mediaType;
            this.euFileType = euFileType;
        }
    }

    /**
     * A dataset: {@code path} is the gateway path of its downloads without the extension; {@code topic} the topic whose
     * latest change dates it (null: this service does not read it, the dataset has no dct:modified).
     */
    public record Dataset(String id, String path, List<Format> formats, String titleFr, String titleEn, String descriptionFr,
            String descriptionEn, List<String> keywords, String topic) {
    }

    public static final List<Dataset> DATASETS = List.of(
            new Dataset("sud-ia-organizations", "/api/directory/v1/exports/organizations",
                    List.of(Format.CSV, Format.JSON, Format.GEOJSON),
                    "Annuaire des acteurs de l'IA en Région Sud",
                    "Directory of the AI players of the Région Sud",
                    "Les organisations publiées de l'annuaire (start-up, PME, laboratoires, écoles, incubateurs, clusters, "
                            + "financeurs, acteurs publics, lieux de sensibilisation) : secteurs, techniques, adresse, coordonnées, label Sud IA.",
                    "The directory's published organizations (startups, SMEs, labs, schools, incubators, clusters, investors, "
                            + "public bodies, AI-awareness places): sectors, techniques, address, coordinates, Sud IA label.",
                    List.of("intelligence artificielle", "annuaire", "entreprises", "Région Sud"), "directory.organizations.v1"),
            new Dataset("sud-ia-solutions", "/api/directory/v1/exports/solutions", List.of(Format.CSV, Format.JSON),
                    "Solutions et offres d'IA des acteurs de la Région Sud",
                    "AI solutions and offers of the Région Sud's players",
                    "Les solutions et offres d'IA publiées dans l'annuaire, avec l'organisation qui les propose, leurs cas d'usage et clients visés.",
                    "The AI solutions and offers published in the directory, with the organization offering them, their use cases and target customers.",
                    List.of("intelligence artificielle", "solutions", "offres"), null),
            new Dataset("sud-ia-trainings", "/api/directory/v1/exports/trainings", List.of(Format.CSV, Format.JSON),
                    "Formations à l'IA en Région Sud", "AI trainings in the Région Sud",
                    "Les formations à l'IA publiées dans l'annuaire, avec l'organisme qui les dispense.",
                    "The AI trainings published in the directory, with the body giving them.",
                    List.of("intelligence artificielle", "formation"), null),
            new Dataset("sud-ia-events", "/api/events/v1/open-data/events", List.of(Format.CSV, Format.JSON, Format.GEOJSON),
                    "Agenda des événements de l'IA en Région Sud", "Calendar of AI events in the Région Sud",
                    "Les événements publiés de l'écosystème IA (salons, conférences, ateliers, actions de sensibilisation) : dates, lieu, organisateur.",
                    "The AI ecosystem's published events (fairs, conferences, workshops, awareness actions): dates, place, organizer.",
                    List.of("intelligence artificielle", "événements", "agenda"), null),
            new Dataset("sud-ia-funding-schemes", "/api/funding/v1/open-data/schemes", List.of(Format.CSV, Format.JSON),
                    "Dispositifs d'accompagnement et de financement de l'IA", "AI support and funding schemes",
                    "Le catalogue du guichet unique : dispositifs d'aide et de financement, financeur, bénéficiaires, montants, dates limites.",
                    "The one-stop desk's catalogue: support and funding schemes, provider, beneficiaries, amounts, deadlines.",
                    List.of("intelligence artificielle", "financement", "aides"), null),
            new Dataset("sud-ia-funding-deadlines", "/api/funding/v1/open-data/deadlines", List.of(Format.CSV, Format.JSON),
                    "Dates limites des dispositifs de financement de l'IA", "Deadlines of the AI funding schemes",
                    "Les dates limites de candidature des dispositifs ouverts, une ligne par échéance.",
                    "The application deadlines of the open schemes, one row per deadline.",
                    List.of("intelligence artificielle", "financement", "échéances"), null),
            new Dataset("sud-ia-labels", "/api/labels/v1/open-data/labels", List.of(Format.CSV, Format.JSON),
                    "Registre du label Sud IA", "Register of the Sud IA label",
                    "Les labels Sud IA (IA éthique et responsable) délivrés : numéro, titulaire, catégorie, statut, dates de validité.",
                    "The Sud IA labels (ethical and responsible AI) granted: number, holder, category, status, validity dates.",
                    List.of("intelligence artificielle", "label", "éthique"), "label.labels.v1"),
            new Dataset("sud-ia-indicators", "/api/impact/v1/open-data/indicators", List.of(Format.CSV, Format.JSON),
                    "Indicateurs du Plan Sud IA 2024-2028", "Indicators of the Plan Sud IA 2024-2028",
                    "Les indicateurs du plan : valeurs mesurées par la plateforme, cibles et chiffres déclarés (à ne pas additionner), avec la méthode.",
                    "The plan's indicators: values measured by the platform, targets and declared figures (never to be added up), with the method.",
                    List.of("intelligence artificielle", "indicateurs", "pilotage"), "*"));

    public static final String PATH = "/api/impact/v1/open-data/catalog.jsonld";

    private OpenDataCatalog() {
    }

    /**
     * The catalogue as a JSON-LD document (compacted with prefixes). {@code baseUrl} is the gateway's public URL;
     * {@code modified} gives, for a topic ("*": any), the instant of its latest change known here.
     */
    public static Map<String, Object> document(String baseUrl, java.util.function.Function<String, Optional<Instant>> modified) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        Map<String, Object> publisher = Map.of("@id", baseUrl + "/#region-sud", "@type", "foaf:Agent",
                "foaf:name", OpenData.PUBLISHER);
        Map<String, Object> licence = Map.of("@id", OpenData.LICENCE_URL, "@type", "dct:LicenseDocument",
                "dct:title", OpenData.LICENCE_NAME, "dct:identifier", OpenData.LICENCE_ID);

        List<Object> datasets = new ArrayList<>();
        Instant newest = null;
        for (Dataset d : DATASETS) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("@id", baseUrl + PATH + "#" + d.id());
            dataset.put("@type", "dcat:Dataset");
            dataset.put("dct:identifier", d.id());
            dataset.put("dct:title", texts(d.titleFr(), d.titleEn()));
            dataset.put("dct:description", texts(d.descriptionFr(), d.descriptionEn()));
            dataset.put("dct:publisher", Map.of("@id", baseUrl + "/#region-sud"));
            dataset.put("dct:license", Map.of("@id", OpenData.LICENCE_URL));
            dataset.put("dct:accessRights", Map.of("@id", "http://publications.europa.eu/resource/authority/access-right/PUBLIC"));
            dataset.put("dct:spatial", Map.of("@id", "http://publications.europa.eu/resource/authority/place/FRA_PAC"));
            dataset.put("dct:language", List.of(Map.of("@id", "http://publications.europa.eu/resource/authority/language/FRA"),
                    Map.of("@id", "http://publications.europa.eu/resource/authority/language/ENG")));
            dataset.put("dcat:keyword", d.keywords().stream().map(k -> Map.of("@value", k, "@language", "fr")).toList());
            Optional<Instant> changed = d.topic() == null ? Optional.empty() : modified.apply(d.topic());
            if (changed.isPresent()) {
                dataset.put("dct:modified", Map.of("@value", changed.get().toString(), "@type", "xsd:dateTime"));
                newest = newest == null || changed.get().isAfter(newest) ? changed.get() : newest;
            }
            List<Object> distributions = new ArrayList<>();
            for (Format f : d.formats()) {
                String url = baseUrl + d.path() + "." + f.extension;
                Map<String, Object> distribution = new LinkedHashMap<>();
                distribution.put("@id", url);
                distribution.put("@type", "dcat:Distribution");
                distribution.put("dct:title", texts(d.titleFr() + " (" + f.euFileType + ")", d.titleEn() + " (" + f.euFileType + ")"));
                distribution.put("dcat:accessURL", Map.of("@id", url));
                distribution.put("dcat:downloadURL", Map.of("@id", url));
                distribution.put("dcat:mediaType", Map.of("@id", "http://www.iana.org/assignments/media-types/" + f.mediaType));
                distribution.put("dct:format", Map.of("@id", "http://publications.europa.eu/resource/authority/file-type/" + f.euFileType));
                distribution.put("dct:license", Map.of("@id", OpenData.LICENCE_URL));
                distributions.add(distribution);
            }
            dataset.put("dcat:distribution", distributions);
            datasets.add(dataset);
        }

        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("@id", baseUrl + PATH);
        catalog.put("@type", "dcat:Catalog");
        catalog.put("dct:title", texts("Données ouvertes de la plateforme Sud IA", "Open data of the Sud IA Platform"));
        catalog.put("dct:description", texts(
                "Les jeux de données publics de la plateforme de l'écosystème IA de la Région Sud, sous Licence Ouverte 2.0.",
                "The public datasets of the Région Sud's AI ecosystem platform, under the Licence Ouverte / Open Licence 2.0."));
        catalog.put("dct:publisher", publisher);
        catalog.put("dct:license", licence);
        catalog.put("dct:language", List.of(Map.of("@id", "http://publications.europa.eu/resource/authority/language/FRA"),
                Map.of("@id", "http://publications.europa.eu/resource/authority/language/ENG")));
        catalog.put("foaf:homepage", Map.of("@id", baseUrl + "/docs/"));
        if (newest != null) {
            catalog.put("dct:modified", Map.of("@value", newest.toString(), "@type", "xsd:dateTime"));
        }
        catalog.put("dcat:dataset", datasets);

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", context);
        document.putAll(catalog);
        return document;
    }

    private static List<Map<String, String>> texts(String fr, String en) {
        return List.of(Map.of("@value", fr, "@language", "fr"), Map.of("@value", en, "@language", "en"));
    }
}
