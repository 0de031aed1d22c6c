package fr.sudia.directory.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of an import file (and of the CSV export), in order, and the French/English header aliases
 * they are recognized by. Headers are compared once folded: case, accents, spaces and punctuation ignored.
 */
final class ImportColumns {

    static final List<String> ALL = List.of("id", "name", "legalName", "kind", "siren", "siret", "nafCode",
            "headcountBand", "foundedYear", "website", "descriptionFr", "descriptionEn", "address", "postalCode",
            "city", "department", "latitude", "longitude", "sectors", "strategicSectors", "techniques",
            "fundsRaisedEur");

    /** Optional: an organization's id, as in the exports; a row with a known id is that organization. */
    static final String ID = "id";

    /** Columns holding several values, separated by {@link #LIST_SEPARATOR} in CSV. */
    static final Set<String> LISTS = Set.of("sectors", "strategicSectors", "techniques");

    /** Columns a CSV header must have: without them every row would be rejected. */
    static final List<String> REQUIRED = List.of("name", "kind", "city");

    static final String LIST_SEPARATOR = "|";

    private static final Map<String, String> BY_ALIAS = new HashMap<>();

    static {
        ALL.forEach(column -> BY_ALIAS.put(fold(column), column));
        alias("name", "nom", "nom_organisation", "organisation", "organization", "raison_sociale_usuelle");
        alias("legalName", "raison_sociale", "denomination", "legal_name", "nom_legal");
        alias("kind", "type", "categorie", "category", "type_organisation");
        alias("nafCode", "naf", "code_naf", "ape", "code_ape");
        alias("headcountBand", "effectif", "tranche_effectif", "headcount");
        alias("foundedYear", "annee_creation", "creation", "founded", "annee_de_creation");
        alias("website", "site", "site_web", "site_internet", "url");
        alias("descriptionFr", "description", "description_francais");
        alias("descriptionEn", "description_anglais", "description_english");
        alias("address", "adresse");
        alias("postalCode", "code_postal", "cp", "zip", "zip_code");
        alias("city", "ville", "commune");
        alias("department", "departement", "dept");
        alias("latitude", "lat");
        alias("longitude", "lon", "lng");
        alias("sectors", "secteurs", "secteur", "sector", "marches");
        alias("strategicSectors", "secteurs_strategiques", "oir", "filieres_strategiques");
        alias("techniques", "techniques_ia", "technologies", "ai_techniques");
        alias("fundsRaisedEur", "fonds_leves", "fonds_leves_eur", "levee_de_fonds", "funds_raised");
    }

    private ImportColumns() {
    }

    /** The column a header names, or null when it names none (the column is then ignored). */
    static String column(String header) {
        return header == null ? null : BY_ALIAS.get(fold(header));
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }

    private static void alias(String column, String... aliases) {
        for (String alias : aliases) {
            BY_ALIAS.put(fold(alias), column);
        }
    }
}
