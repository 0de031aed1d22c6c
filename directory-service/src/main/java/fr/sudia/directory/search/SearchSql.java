package fr.sudia.directory.search;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.sudia.directory.search.SearchRequest.Sort;

/**
 * The SQL of an organization search, built from fixed fragments: user input only ever travels as named
 * parameters. Plain Java (no container), so that the benchmark can print the very SQL the service runs.
 */
public final class SearchSql {

    /** Kilometres per degree of latitude (and of longitude at the equator). */
    private static final double KM_PER_DEGREE = 111.195;

    private static final String TEXT_QUERY = "plainto_tsquery('french', sudia_unaccent(:q))";
    private static final String TEXT_KEY = "lower(sudia_unaccent(:q))";
    private static final String DISTANCE = "sudia_distance_km(:lat, :lon, o.latitude, o.longitude)";

    /**
     * A list travels as one text parameter, its values joined by the unit separator (which checked values never
     * hold), and becomes a text[] in SQL: Hibernate's expansion of a collection parameter would not fit in an
     * array constructor.
     */
    private static final String SEPARATOR = "\u001f";
    private static final String LIST = "string_to_array(";
    private static final String LIST_END = ", chr(31))";

    private final String sql;
    private final Map<String, Object> parameters;

    private SearchSql(String sql, Map<String, Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    public String sql() {
        return sql;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /**
     * The whole search in one statement, so that the matching rows are found once for the page and the facets.
     * Rows are {@code (entry, value, n, sort_key, distance_km)}: for each item of the page (plus one, that only
     * tells a next page exists), {@code ('item', id, position, sort key as text, distance)}; then the facet
     * counts {@code (facet, value, count)} over the whole result, every filter applied, with one {@code total}
     * row (null departments and headcount bands are not counted).
     * <p>
     * After a cursor, only rows strictly after its (key, id) come: rows added meanwhile before it are not seen,
     * and nothing is seen twice or skipped, because each row's key depends on that row alone (ts_rank uses no
     * corpus statistics).
     */
    public static SearchSql search(SearchRequest request, Object afterKey, UUID afterId) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("with hit as materialized (\n")
                .append("  select o.id, ").append(sortKey(request.sort())).append(" as sort_key,\n")
                .append("         ").append(request.near() == null ? "cast(null as double precision)" : DISTANCE)
                .append(" as distance_km,\n")
                .append("         o.kind, o.sectors, o.strategic_sectors, o.techniques, o.department, o.headcount_band,\n")
                .append("         o.label_status = 'VALID' as labelled\n")
                .append("  from organization o\n");
        if (request.near() != null) {
            parameters.put("lat", request.near().latitude());
            parameters.put("lon", request.near().longitude());
        }
        where(request, sql, parameters);
        String direction = request.sort() == Sort.RELEVANCE ? "desc" : "asc";
        sql.append("),\npage as (\n  select id, sort_key, distance_km from hit\n");
        if (afterId != null) {
            sql.append("  where sort_key ").append(request.sort() == Sort.RELEVANCE ? "<" : ">")
                    .append(" :afterKey or (sort_key = :afterKey and id > :afterId)\n");
            parameters.put("afterKey", afterKey);
            parameters.put("afterId", afterId);
        }
        sql.append("  order by sort_key ").append(direction).append(", id\n")
                .append("  limit :fetch\n)\n");
        parameters.put("fetch", request.limit() + 1);
        sql.append("select 'item' as entry, cast(id as text) as value, row_number() over (order by sort_key ").append(direction)
                .append(", id) as n,\n       cast(sort_key as text) as sort_key, distance_km from page\n")
                .append("union all select 'total', null, count(*), null, null from hit\n")
                .append("union all select 'kind', kind, count(*), null, null from hit group by kind\n")
                .append("union all select 'sector', v, count(*), null, null from hit cross join unnest(hit.sectors) v group by v\n")
                .append("union all select 'strategicSector', v, count(*), null, null from hit cross join unnest(hit.strategic_sectors) v group by v\n")
                .append("union all select 'technique', v, count(*), null, null from hit cross join unnest(hit.techniques) v group by v\n")
                .append("union all select 'department', department, count(*), null, null from hit where department is not null group by department\n")
                .append("union all select 'headcountBand', headcount_band, count(*), null, null from hit where headcount_band is not null group by headcount_band\n")
                .append("union all select 'labelled', cast(labelled as text), count(*), null, null from hit group by labelled");
        return new SearchSql(sql.toString(), parameters);
    }

    private static String sortKey(Sort sort) {
        return switch (sort) {
            // ts_rank depends on the row and the query only (no corpus statistics), so a row's score never
            // changes when other rows come or go; rounded to a numeric so that the cursor holds it exactly.
            case RELEVANCE -> "round(cast(ts_rank(o.search_vector, " + TEXT_QUERY + ") + word_similarity(" + TEXT_KEY
                    + ", o.name_search) as numeric), 6)";
            case NAME -> "lower(o.name)";
            case DISTANCE -> "round(cast(" + DISTANCE + " as numeric), 6)";
        };
    }

    private static void where(SearchRequest request, StringBuilder sql, Map<String, Object> parameters) {
        sql.append("  where o.deleted_at is null and o.moderation_status = 'PUBLISHED'\n");
        if (request.q() != null) {
            // Words (stemmed, unaccented) anywhere in the text, or a name close enough to the typed text.
            sql.append("    and (o.search_vector @@ ").append(TEXT_QUERY).append(" or o.name_search %> ").append(TEXT_KEY).append(")\n");
            parameters.put("q", request.q());
        }
        in(sql, parameters, "o.kind", "kinds", request.kinds());
        overlap(sql, parameters, "o.sectors", "sectors", request.sectors());
        overlap(sql, parameters, "o.strategic_sectors", "strategicSectors", request.strategicSectors());
        overlap(sql, parameters, "o.techniques", "techniques", request.techniques());
        in(sql, parameters, "o.department", "departments", request.departments());
        in(sql, parameters, "o.headcount_band", "headcountBands", request.headcountBands());
        if (!request.cities().isEmpty()) {
            sql.append("    and o.city_key = any(array(select lower(sudia_unaccent(c)) from unnest(").append(LIST).append(":cities")
                    .append(LIST_END).append(") c))\n");
            parameters.put("cities", String.join(SEPARATOR, request.cities()));
        }
        if (request.labelled() != null) {
            sql.append(request.labelled() ? "    and o.label_status = 'VALID'\n" : "    and o.label_status <> 'VALID'\n");
        }
        if (request.foundedAfter() != null) {
            sql.append("    and o.founded_year > :foundedAfter\n");
            parameters.put("foundedAfter", request.foundedAfter());
        }
        if (request.near() != null) {
            double latitude = request.near().latitude();
            double longitude = request.near().longitude();
            sql.append("    and o.latitude is not null\n");
            if (request.radiusKm() != null) {
                parameters.put("lat", latitude);
                parameters.put("lon", longitude);
                double radius = request.radiusKm();
                // The bounding box (which the (latitude, longitude) index serves), then the exact distance.
                double dLat = radius / KM_PER_DEGREE;
                sql.append("    and o.latitude between :minLat and :maxLat\n");
                parameters.put("minLat", latitude - dLat);
                parameters.put("maxLat", latitude + dLat);
                double cos = Math.cos(Math.toRadians(Math.min(89.9, Math.abs(latitude) + dLat)));
                double dLon = radius / (KM_PER_DEGREE * cos);
                if (dLon < 180 && longitude - dLon >= -180 && longitude + dLon <= 180) {
                    sql.append("    and o.longitude between :minLon and :maxLon\n");
                    parameters.put("minLon", longitude - dLon);
                    parameters.put("maxLon", longitude + dLon);
                }
                sql.append("    and ").append(DISTANCE).append(" <= :radiusKm\n");
                parameters.put("radiusKm", radius);
            }
        }
    }

    private static void in(StringBuilder sql, Map<String, Object> parameters, String column, String name,
            Collection<String> values) {
        if (!values.isEmpty()) {
            sql.append("    and ").append(column).append(" in (:").append(name).append(")\n");
            parameters.put(name, values);
        }
    }

    private static void overlap(StringBuilder sql, Map<String, Object> parameters, String column, String name,
            Collection<String> values) {
        if (!values.isEmpty()) {
            sql.append("    and ").append(column).append(" && ").append(LIST).append(":").append(name).append(LIST_END).append("\n");
            parameters.put(name, String.join(SEPARATOR, values));
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    /**
     * The SQL with its parameters written as literals, for EXPLAIN ANALYZE in the benchmark (never sent by
     * the service itself).
     */
    public String withLiterals() {
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = parameters.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for :" + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(literal(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String literal(Object value) {
        if (value instanceof Collection<?> values) {
            return String.join(", ", values.stream().map(SearchSql::literal).toList());
        }
        if (value instanceof Number number) {
            return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
        }
        if (value instanceof UUID uuid) {
            return "cast('" + uuid + "' as uuid)";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
