package fr.sudia.directory.catalogue;

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
            parameters.and("q", "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!after.isEmpty()) {
            where.append(" and (lower(name) > :afterName or (lower(name) = :afterName and id > :afterId))");
            parameters.and("afterName", after.get(0)).and("afterId", Cursor.uuid(after.get(1)));
        }
        return new Filter(where + " order by lower(name), id", parameters);
    }

    static List<String> sortKey(String name, UUID id) {
        return List.of(name.toLowerCase(Locale.ROOT), id.toString());
    }
}
