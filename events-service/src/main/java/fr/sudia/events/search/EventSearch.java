package fr.sudia.events.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventView;
import fr.sudia.events.organizer.Organizer;
import fr.sudia.events.recurrence.OccurrenceStore;
import fr.sudia.platform.paging.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/** Searches the occurrences of public events, with facets; and selects the events a feed shows. */
@ApplicationScoped
public class EventSearch {

    /** Occurrences last at most 31 days (EventInput), so a window's scan of starts begins that much earlier. */
    private static final java.time.Duration LONGEST = java.time.Duration.ofDays(31);
    static final int MAX_FEED_EVENTS = 5_000;

    private final EntityManager em;

    EventSearch(EntityManager em) {
        this.em = em;
    }

    /** The SQL conditions of a query, with their parameters, on {@code occurrence o join event e}. */
    private static final class Sql {
        final StringBuilder where = new StringBuilder("e.moderation = 'PUBLISHED'");
        final List<Object> parameters = new ArrayList<>();

        String p(Object value) {
            parameters.add(value);
            return "?" + parameters.size();
        }

        String list(List<?> values, Function<Object, Object> convert) {
            return values.stream().map(v -> p(convert.apply(v))).collect(Collectors.joining(", "));
        }

        void and(String condition) {
            where.append(" and ").append(condition);
        }

        Query bind(Query query) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query;
        }
    }

    private static Sql conditions(EventQuery query) {
        Sql sql = new Sql();
        sql.and("o.ends_at > " + sql.p(query.from()));
        sql.and("o.starts_at > " + sql.p(query.from().minus(LONGEST)));
        if (query.to() != null) {
            sql.and("o.starts_at < " + sql.p(query.to()));
        }
        if (query.text() != null) {
            sql.and("e.search_vector @@ websearch_to_tsquery('french', " + sql.p(query.text()) + ")");
        }
        if (!query.cities().isEmpty()) {
            sql.and("lower(e.city) in (" + sql.list(query.cities(), v -> v) + ")");
        }
        if (query.near() != null) {
            EventQuery.Near near = query.near();
            double latSpan = near.radiusKm() / 111.0;
            double lonSpan = near.radiusKm() / (111.0 * Math.max(0.01, Math.cos(Math.toRadians(near.latitude()))));
            sql.and("e.latitude between " + sql.p(near.latitude() - latSpan) + " and " + sql.p(near.latitude() + latSpan));
            sql.and("e.longitude between " + sql.p(near.longitude() - lonSpan) + " and " + sql.p(near.longitude() + lonSpan));
            String lat = sql.p(near.latitude());
            String lon = sql.p(near.longitude());
            sql.and("2 * 6371 * asin(sqrt(power(sin(radians(e.latitude - " + lat + ") / 2), 2) + cos(radians(" + lat
                    + ")) * cos(radians(e.latitude)) * power(sin(radians(e.longitude - " + lon + ") / 2), 2))) <= "
                    + sql.p(near.radiusKm()));
        }
        if (!query.audiences().isEmpty()) {
            sql.and("e.audiences && array[" + sql.list(query.audiences(), Object::toString) + "]::text[]");
        }
        if (!query.tags().isEmpty()) {
            sql.and("e.tags && array[" + sql.list(query.tags(), v -> v) + "]::text[]");
        }
        if (!query.organizers().isEmpty()) {
            sql.and("e.organizer_id in (" + sql.list(query.organizers(), v -> v) + ")");
        }
        if (query.series() != null) {
            sql.and("e.series_id = " + sql.p(query.series()));
        }
        if (!query.statuses().isEmpty()) {
            sql.and("e.status in (" + sql.list(query.statuses(), Object::toString) + ")");
        }
        if (query.attendance() == EventQuery.Attendance.ONLINE) {
            sql.and("e.attendance_mode in ('ONLINE', 'MIXED')");
        } else if (query.attendance() == EventQuery.Attendance.IN_PERSON) {
            sql.and("e.attendance_mode in ('OFFLINE', 'MIXED')");
        }
        return sql;
    }

    /** One page of occurrences, by start, and the facets of the whole result. */
    @Transactional
    public SearchResult search(EventQuery query, int limit, String cursor) {
        Sql sql = conditions(query);
        List<String> after = Cursor.decode(cursor, 3);
        if (!after.isEmpty()) {
            try {
                sql.and("(o.starts_at, o.event_id, o.original_start) > (" + sql.p(Instant.parse(after.get(0))) + ", "
                        + sql.p(Cursor.uuid(after.get(1))) + ", " + sql.p(Instant.parse(after.get(2))) + ")");
            } catch (java.time.format.DateTimeParseException e) {
                throw new jakarta.ws.rs.BadRequestException(
                        "The cursor parameter is not one this list issued; start again without it.");
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bind(em.createNativeQuery("""
                select o.event_id, o.original_start, o.starts_at, o.ends_at, o.cancelled
                  from occurrence o join event e on e.id = o.event_id
                 where %s
                 order by o.starts_at, o.event_id, o.original_start
                 limit %d""".formatted(sql.where, limit + 1))).getResultList();
        List<Object[]> kept = rows.size() > limit ? rows.subList(0, limit) : rows;
        Map<UUID, EventView> events = views(kept.stream().map(r -> (UUID) r[0]).distinct().toList());
        List<OccurrenceView> items = kept.stream().map(r -> new OccurrenceView(OccurrenceStore.instant(r[1]),
                OccurrenceStore.instant(r[2]), OccurrenceStore.instant(r[3]), (Boolean) r[4], events.get((UUID) r[0])))
                .toList();
        String next = null;
        if (rows.size() > limit) {
            Object[] last = kept.get(kept.size() - 1);
            next = Cursor.encode(List.of(OccurrenceStore.instant(last[2]).toString(), last[0].toString(),
                    OccurrenceStore.instant(last[1]).toString()));
        }
        return new SearchResult(items, next, facets(query));
    }

    private SearchResult.Facets facets(EventQuery query) {
        Sql sql = conditions(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bind(em.createNativeQuery("""
                with m as (select distinct e.id, e.audiences, e.tags, e.city, e.attendance_mode, e.status
                             from occurrence o join event e on e.id = o.event_id where %s)
                select 'total', null, count(*) from m
                union all select 'audience', a, count(*) from m, unnest(m.audiences) a group by a
                union all (select 'tag', t, count(*) from m, unnest(m.tags) t group by t order by 3 desc, 2 limit 20)
                union all (select 'city', city, count(*) from m where city is not null group by city order by 3 desc, 2 limit 20)
                union all select 'attendanceMode', attendance_mode, count(*) from m group by attendance_mode
                union all select 'status', status, count(*) from m group by status""".formatted(sql.where)))
                .getResultList();
        long total = 0;
        Map<String, Map<String, Long>> byFacet = new HashMap<>();
        for (Object[] row : rows) {
            long count = ((Number) row[2]).longValue();
            if ("total".equals(row[0])) {
                total = count;
            } else {
                byFacet.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>()).put((String) row[1], count);
            }
        }
        return new SearchResult.Facets(total, byFacet.getOrDefault("audience", Map.of()),
                byFacet.getOrDefault("tag", Map.of()), byFacet.getOrDefault("city", Map.of()),
                byFacet.getOrDefault("attendanceMode", Map.of()), byFacet.getOrDefault("status", Map.of()));
    }

    /** A public event a feed shows, with its organizer and the changes made to single occurrences. */
    public record FeedEvent(Event event, Organizer organizer, List<OccurrenceStore.Override> overrides,
            List<OccurrenceStore.Occurrence> occurrences) {
    }

    /** The public events with an occurrence in the query's window, by first occurrence in it. */
    @Transactional
    public List<FeedEvent> feedEvents(EventQuery query, OccurrenceStore store) {
        Sql sql = conditions(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bind(em.createNativeQuery("""
                select o.event_id, o.original_start, o.starts_at, o.ends_at, o.cancelled
                  from occurrence o join event e on e.id = o.event_id
                 where %s
                 order by o.starts_at, o.event_id, o.original_start""".formatted(sql.where))).getResultList();
        Map<UUID, List<OccurrenceStore.Occurrence>> occurrences = new LinkedHashMap<>();
        for (Object[] r : rows) {
            if (occurrences.size() >= MAX_FEED_EVENTS && !occurrences.containsKey((UUID) r[0])) {
                break;
            }
            occurrences.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new OccurrenceStore.Occurrence(
                    OccurrenceStore.instant(r[1]), OccurrenceStore.instant(r[2]), OccurrenceStore.instant(r[3]),
                    (Boolean) r[4]));
        }
        List<UUID> ids = List.copyOf(occurrences.keySet());
        Map<UUID, Event> events = ids.isEmpty() ? Map.of()
                : Event.<Event>list("id in ?1", ids).stream().collect(Collectors.toMap(e -> e.id, e -> e));
        Map<UUID, Organizer> organizers = organizers(events.values());
        Map<UUID, List<OccurrenceStore.Override>> overrides = overrides(ids);
        return ids.stream().map(id -> {
            Event e = events.get(id);
            return new FeedEvent(e, e.organizerId == null ? null : organizers.get(e.organizerId),
                    overrides.getOrDefault(id, List.of()), occurrences.get(id));
        }).toList();
    }

    private Map<UUID, List<OccurrenceStore.Override>> overrides(List<UUID> ids) {
        Map<UUID, List<OccurrenceStore.Override>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select event_id, original_start, cancelled, starts_at, ends_at, sequence, updated_at
                  from occurrence_override where event_id = any(?1) order by original_start""")
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        for (Object[] r : rows) {
            result.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new OccurrenceStore.Override(
                    OccurrenceStore.instant(r[1]), (Boolean) r[2], OccurrenceStore.instant(r[3]),
                    OccurrenceStore.instant(r[4]), ((Number) r[5]).intValue(), OccurrenceStore.instant(r[6])));
        }
        return result;
    }

    Map<UUID, EventView> views(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Event> events = Event.list("id in ?1", ids);
        Map<UUID, Organizer> organizers = organizers(events);
        return events.stream().collect(Collectors.toMap(e -> e.id,
                e -> EventView.of(e, e.organizerId == null ? null : organizers.get(e.organizerId))));
    }

    static Map<UUID, Organizer> organizers(java.util.Collection<Event> events) {
        List<UUID> ids = events.stream().map(e -> e.organizerId).filter(java.util.Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Map.of()
                : Organizer.<Organizer>list("id in ?1", ids).stream().collect(Collectors.toMap(o -> o.id, o -> o));
    }
}
