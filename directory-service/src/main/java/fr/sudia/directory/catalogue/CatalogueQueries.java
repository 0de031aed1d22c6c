package fr.sudia.directory.catalogue;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.sudia.platform.paging.Cursor;
import io.quarkus.panache.common.Parameters;

/** Keyset pages of public catalogue entries by name, optionally of one organization or matching a text. */
final class CatalogueQueries {

    private CatalogueQueries() {
    }

    record Filter(String where, Parameters parameters) {
    }

    static Filter publicEntries(UUID organizationId, String q, List<String> after, String textColumns) {
        StringBuilder where = new StringBuilder("deletedAt is null and moderationStatus = 'PUBLISHED'");
        Parameters parameters = new Parameters();
        if (organizationId != null) {
            where.append(" and organizationId = :organization");
            parameters.and("organization", organizationId);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (").append(textColumns).append(")");
            parameters.and("q", "%" + folded(q).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!after.isEmpty()) {
            where.append(" and (lower(name) > :afterName or (lower(name) = :afterName and id > :afterId))");
            parameters.and("afterName", after.get(0)).and("afterId", Cursor.uuid(after.get(1)));
        }
        return new Filter(where + " order by lower(name), id", parameters);
    }

    /** Lower case without accents, as {@code sudia_unaccent(lower(column))} reads a column ("Médecine" = "medecine"). */
    static String folded(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** A text column as the q filter compares it: lower case, without accents. */
    static String foldedColumn(String column) {
        return "cast(function('sudia_unaccent', lower(coalesce(" + column + ", ''))) as String)";
    }

    static List<String> sortKey(String name, UUID id) {
        return List.of(name.toLowerCase(Locale.ROOT), id.toString());
    }
}
