package fr.sudia.funding.scheme;

import jakarta.ws.rs.BadRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.sudia.funding.time.DeskTime;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.platform.freshness.RenderedBodies;
import fr.sudia.platform.http.EntityTags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The catalogue search: French full text (unaccented, stemmed) over name, provider and descriptions, filters,
 * facets over the whole result, and keyset pages. "Open" is computed in SQL from the dates and the desk's today.
 * Answers are kept in memory as JSON per catalogue version, day and query ({@link RenderedBodies}, the
 * {@value #MAX_BODIES} most recently used): the same search is computed and written once until a scheme changes,
 * on any instance ({@link CatalogueVersion}), or the day changes, and a revalidation with its ETag is a 304; both
 * are answered on the event loop, without a worker thread or a query.
 */
@ApplicationScoped
public class SchemeSearch {

    private static final String TEXT_QUERY = "plainto_tsquery('french', sudia_unaccent(:q))";
    private static final String SEPARATOR = "\u001f";
    private static final String OPEN = "(s.status = 'PUBLISHED' and (s.opens_on is null or s.opens_on <= :today)"
            + " and (s.ongoing or exists (select 1 from unnest(s.deadlines) d where d >= :today)))";
    private static final String NEXT_DEADLINE = "(select min(d) from unnest(s.deadlines) d where d >= :today)";

    static final int MAX_BODIES = 500;
    private static final int MAX_AGE_SECONDS = 60;

    private final EntityManager entityManager;
    private final SchemeCatalogue catalogue;
    private final DeskTime time;
    private final CatalogueVersion version;
    private final ObjectMapper json;
    private final RenderedBodies bodies = new RenderedBodies(MAX_BODIES);

    SchemeSearch(EntityManager entityManager, SchemeCatalogue catalogue, DeskTime time, CatalogueVersion version,
            ObjectMapper json) {
        this.entityManager = entityManager;
        this.catalogue = catalogue;
        this.time = time;
        this.version = version;
        this.json = json;
    }

    /**
     * The search as the public API answers it: a strong ETag made of the catalogue version, the day and the query,
     * a 304 when the client already has it, else the JSON body from memory (written on a worker thread the first time).
     */
    public Uni<Response> respond(SchemeQuery query, String cursor, String ifNoneMatch) {
        long catalogueVersion = version.current().value();
        LocalDate today = time.today();
        String key = catalogueVersion + "|" + today + "|" + query + "|" + cursor;
        String tag = "schemes-" + Long.toString(catalogueVersion, 36) + "-" + today + "-" + Integer.toHexString(key.hashCode());
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        if (EntityTags.noneMatchNames(ifNoneMatch, tag)) {
            return Uni.createFrom().item(Response.notModified(new EntityTag(tag)).cacheControl(cache).build());
        }
        return bodies.get(key, () -> QuarkusTransaction.requiringNew().call(
                () -> json.writeValueAsBytes(search(catalogueVersion, today, query, cursor))))
                .map(body -> Response.ok(body, MediaType.APPLICATION_JSON).tag(new EntityTag(tag)).cacheControl(cache).build());
    }

    /** The search as of a catalogue version and a day: the same arguments always have the same answer. */
    SchemeSearchResult search(long catalogueVersion, LocalDate today, SchemeQuery query, String cursor) {
        boolean relevance = query.q() != null;
        List<String> after = Cursor.decode(cursor, 2);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("today", today);
        StringBuilder sql = new StringBuilder("with hit as materialized (\n  select s.id, ")
                .append(relevance ? "round(cast(ts_rank(s.search_vector, " + TEXT_QUERY + ") as numeric), 6)" : "lower(s.name)")
                .append(" as sort_key, s.level, s.kind, s.provider, s.pillars, ").append(OPEN).append(" as open_now\n")
                .append("  from scheme s\n  where ").append(query.includeClosed() ? "true" : "s.status = 'PUBLISHED'").append('\n');
        if (relevance) {
            sql.append("    and s.search_vector @@ ").append(TEXT_QUERY).append('\n');
            parameters.put("q", query.q());
        }
        in(sql, parameters, "s.provider", "providers", query.providers());
        in(sql, parameters, "s.level", "levels", names(query.levels()));
        in(sql, parameters, "s.kind", "kinds", names(query.kinds()));
        if (!query.pillars().isEmpty()) {
            sql.append("    and s.pillars && string_to_array(:pillars, chr(31))\n");
            parameters.put("pillars", String.join(SEPARATOR, names(query.pillars())));
        }
        if (query.openNow() != null) {
            sql.append("    and ").append(query.openNow() ? "" : "not ").append(OPEN).append('\n');
        }
        if (query.closingWithinDays() != null) {
            sql.append("    and ").append(NEXT_DEADLINE).append(" <= :closingBy and ").append(OPEN).append('\n');
            parameters.put("closingBy", today.plusDays(query.closingWithinDays()));
        }
        String direction = relevance ? "desc" : "asc";
        sql.append("),\npage as (\n  select id, sort_key from hit\n");
        if (!after.isEmpty()) {
            sql.append("  where sort_key ").append(relevance ? "<" : ">")
                    .append(" :afterKey or (sort_key = :afterKey and id > :afterId)\n");
            parameters.put("afterKey", relevance ? sortKeyNumber(after.get(0)) : after.get(0));
            parameters.put("afterId", Cursor.uuid(after.get(1)));
        }
        sql.append("  order by sort_key ").append(direction).append(", id\n  limit :fetch\n)\n")
                .append("select 'item', cast(id as text), cast(sort_key as text) from page\n")
                .append("union all select 'total', null, cast(count(*) as text) from hit\n")
                .append("union all select 'level', level, cast(count(*) as text) from hit group by level\n")
                .append("union all select 'kind', kind, cast(count(*) as text) from hit group by kind\n")
                .append("union all select 'provider', provider, cast(count(*) as text) from hit group by provider\n")
                .append("union all select 'pillar', p, cast(count(*) as text) from hit cross join unnest(hit.pillars) p group by p\n")
                .append("union all select 'open', cast(open_now as text), cast(count(*) as text) from hit group by open_now");
        parameters.put("fetch", query.limit() + 1);

        Query nativeQuery = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(nativeQuery::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery.getResultList();

        List<String[]> items = new ArrayList<>();
        long total = 0;
        Map<String, Map<String, Long>> facets = new TreeMap<>();
        for (String facet : List.of("level", "kind", "provider", "pillar", "open")) {
            facets.put(facet, new TreeMap<>());
        }
        for (Object[] row : rows) {
            String entry = (String) row[0];
            switch (entry) {
                case "item" -> items.add(new String[] { (String) row[1], (String) row[2] });
                case "total" -> total = Long.parseLong((String) row[2]);
                default -> facets.get(entry).put((String) row[1], Long.parseLong((String) row[2]));
            }
        }
        Map<UUID, Scheme> schemes = load(items.stream().map(item -> UUID.fromString(item[0])).toList());
        Page<SchemeView> page = Page.fromKeyset(items, query.limit(), item -> List.of(item[1], item[0]),
                item -> {
                    Scheme scheme = schemes.get(UUID.fromString(item[0]));
                    return SchemeView.of(scheme, catalogue.conditionsOf(scheme), today);
                });
        return new SchemeSearchResult(page.items(), page.nextCursor(), total, facets);
    }

    private static Map<UUID, Scheme> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Scheme.<Scheme>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(scheme -> scheme.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static BigDecimal sortKeyNumber(String part) {
        try {
            return new BigDecimal(part);
        } catch (NumberFormatException e) {
            throw new BadRequestException("The cursor parameter is not one this list issued; start again without it.");
        }
    }

    private static void in(StringBuilder sql, Map<String, Object> parameters, String column, String name, List<String> values) {
        if (!values.isEmpty()) {
            sql.append("    and ").append(column).append(" in (:").append(name).append(")\n");
            parameters.put(name, values);
        }
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).distinct().sorted(Comparator.naturalOrder()).toList();
    }
}
