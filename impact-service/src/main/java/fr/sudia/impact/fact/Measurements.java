package fr.sudia.impact.fact;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Computes figures from the measured facts: a metric, an aggregation, filters, an optional period and breakdown,
 * within dates (inclusive, in Europe/Paris). The caller has checked that the metric can answer (see
 * {@link Metric#splitFor}).
 */
@ApplicationScoped
public class Measurements {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** One figure: for a period (null when not by period) and a breakdown value (null when not broken down). */
    @Schema(name = "Point", description = "One figure of a series: its period and breakdown value")
    public record Point(@Schema(nullable = true, description = "The period, e.g. 2026 or 2026-Q1 (null when not by period)") String period,
            @Schema(nullable = true, description = "The breakdown value, e.g. 06 (null when not broken down)") String key,
            long value) {
    }

    /** What to compute. {@code from} and {@code to} are inclusive dates, either may be null. */
    public record Question(Metric metric, Aggregation aggregation, Map<String, String> filters, Dimension period,
            Dimension breakdown, LocalDate from, LocalDate to) {
    }

    private final EntityManager entityManager;

    Measurements(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public long value(Metric metric, Aggregation aggregation, Map<String, String> filters, LocalDate from, LocalDate to) {
        List<Point> points = compute(new Question(metric, aggregation, filters, null, null, from, to));
        return points.isEmpty() ? 0 : points.get(0).value();
    }

    public List<Point> compute(Question q) {
        Split split = q.metric().splitFor(q.filters().keySet(), q.breakdown())
                .orElseThrow(() -> new IllegalArgumentException(q.metric().key() + " cannot answer " + q));
        List<String> select = new ArrayList<>();
        select.add(q.period() == null ? "null" : q.period().sql);
        select.add(q.breakdown() == null ? "null" : q.breakdown().sql);
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", select)).append(", ")
                .append(q.aggregation().sql)
                .append(" from measured_fact f left join known_organization o on o.id = f.subject")
                .append(" where f.metric = ?1 and f.split = ?2");
        List<Object> parameters = new ArrayList<>(List.of(q.metric().key(), split.name()));
        for (Map.Entry<String, String> filter : new java.util.TreeMap<>(q.filters()).entrySet()) {
            switch (filter.getKey()) {
                case "audience" -> sql.append(" and f.audience = ?").append(parameters.size() + 1);
                case "level" -> sql.append(" and f.level = ?").append(parameters.size() + 1);
                case "kind" -> sql.append(" and f.kind = ?").append(parameters.size() + 1);
                case "measure" -> sql.append(" and f.measures like ?").append(parameters.size() + 1);
                default -> throw new IllegalArgumentException("unknown filter " + filter.getKey());
            }
            parameters.add("measure".equals(filter.getKey()) ? "%," + filter.getValue() + ",%" : filter.getValue());
        }
        if (q.from() != null) {
            sql.append(" and f.occurred_at >= ?").append(parameters.size() + 1);
            parameters.add(q.from().atStartOfDay(PARIS).toOffsetDateTime());
        }
        if (q.to() != null) {
            sql.append(" and f.occurred_at < ?").append(parameters.size() + 1);
            parameters.add(q.to().plusDays(1).atStartOfDay(PARIS).toOffsetDateTime());
        }
        if (q.period() != null || q.breakdown() != null) {
            sql.append(" group by 1, 2 order by 1, 2");
        }
        Query query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Point> points = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            points.add(new Point((String) columns[0], (String) columns[1], ((Number) columns[2]).longValue()));
        }
        return points;
    }
}
