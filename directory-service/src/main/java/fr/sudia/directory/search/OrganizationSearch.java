package fr.sudia.directory.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationView;
import fr.sudia.directory.search.SearchRequest.Sort;
import fr.sudia.platform.paging.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.BadRequestException;

/** Runs organization searches on PostgreSQL: one statement for the page and the facets, one to load the page's entities. */
@ApplicationScoped
public class OrganizationSearch {

    private final EntityManager em;

    OrganizationSearch(EntityManager em) {
        this.em = em;
    }

    public SearchResult search(SearchRequest request, String cursor) {
        Object afterKey = null;
        UUID afterId = null;
        List<String> after = Cursor.decode(cursor, 4);
        if (!after.isEmpty()) {
            if (!after.get(0).equals(request.sort().name()) || !after.get(1).equals(request.fingerprint())) {
                throw new BadRequestException("The cursor parameter belongs to another search (other q, filters, near, "
                        + "radiusKm or sort); repeat that search's parameters, or start again without a cursor.");
            }
            afterKey = request.sort() == Sort.NAME ? after.get(2) : decimal(after.get(2));
            afterId = Cursor.uuid(after.get(3));
        }

        List<Object[]> items = new ArrayList<>();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        long total = 0;
        for (Object[] row : rows(SearchSql.search(request, afterKey, afterId))) {
            String entry = (String) row[0];
            long n = ((Number) row[2]).longValue();
            if ("item".equals(entry)) {
                items.add(row);
            } else if ("total".equals(entry)) {
                total = n;
            } else {
                counts.computeIfAbsent(entry, facet -> new LinkedHashMap<>()).put((String) row[1], n);
            }
        }
        items.sort(Comparator.comparingLong(row -> ((Number) row[2]).longValue()));
        boolean hasMore = items.size() > request.limit();
        List<Object[]> kept = hasMore ? items.subList(0, request.limit()) : items;

        List<UUID> ids = kept.stream().map(row -> UUID.fromString((String) row[1])).toList();
        Map<UUID, Organization> byId = ids.isEmpty() ? Map.of()
                : Organization.<Organization>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(o -> o.id, Function.identity()));
        List<OrganizationHit> hits = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Organization organization = byId.get(ids.get(i));
            Object distance = kept.get(i)[4];
            if (organization != null) {
                hits.add(new OrganizationHit(OrganizationView.of(organization),
                        distance == null ? null : Math.round(((Number) distance).doubleValue() * 1000) / 1000.0));
            }
        }

        String next = null;
        if (hasMore) {
            Object[] last = kept.get(kept.size() - 1);
            next = Cursor.encode(List.of(request.sort().name(), request.fingerprint(), (String) last[3], (String) last[1]));
        }
        SearchResult.Facets facets = new SearchResult.Facets(total, ordered(counts.get("kind")),
                ordered(counts.get("sector")), ordered(counts.get("strategicSector")), ordered(counts.get("technique")),
                ordered(counts.get("department")), ordered(counts.get("headcountBand")), ordered(counts.get("labelled")));
        return new SearchResult(hits, next, facets);
    }

    /** Largest counts first, then by value. */
    private static Map<String, Long> ordered(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        if (counts != null) {
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        }
        return ordered;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(SearchSql search) {
        Query query = em.createNativeQuery(search.sql());
        search.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    private static BigDecimal decimal(String key) {
        try {
            return new BigDecimal(key);
        } catch (NumberFormatException e) {
            throw new BadRequestException("The cursor parameter is not one this list issued; start again without it.");
        }
    }
}
