package fr.sudia.impact.indicator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.sudia.impact.fact.Dimension;
import fr.sudia.impact.fact.Metric;
import fr.sudia.platform.concurrency.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import fr.sudia.impact.publication.ReadModelVersion;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

/** Admins' changes to the indicators, checked before anything is stored. */
@ApplicationScoped
public class Indicators {

    private final Clock clock;
    private final ReadModelVersion readModel;

    Indicators(Clock clock, ReadModelVersion readModel) {
        this.clock = clock;
        this.readModel = readModel;
    }

    public Indicator find(String id) {
        return Indicator.<Indicator>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No indicator " + id + "."));
    }

    @Transactional
    public Indicator create(IndicatorForm form) {
        if (form.id() == null) {
            throw new BadRequestException("id is required: a slug such as ai-challenges-held.");
        }
        check(form);
        if (Indicator.findById(form.id()) != null) {
            throw new ClientErrorException("An indicator " + form.id() + " already exists.", Response.Status.CONFLICT);
        }
        Indicator indicator = new Indicator();
        indicator.id = form.id();
        indicator.version = 0;
        write(indicator, form);
        indicator.persist();
        readModel.bump();
        return indicator;
    }

    @Transactional
    public Indicator update(String id, long expectedVersion, IndicatorForm form) {
        if (form.id() != null && !form.id().equals(id)) {
            throw new BadRequestException("id cannot change (" + id + " in the path, " + form.id() + " in the body).");
        }
        check(form);
        Indicator indicator = find(id);
        Versions.requireCurrent("Indicator " + id, indicator.version, expectedVersion);
        indicator.version++;
        write(indicator, form);
        readModel.bump();
        return indicator;
    }

    @Transactional
    public void delete(String id, long expectedVersion) {
        Indicator indicator = find(id);
        Versions.requireCurrent("Indicator " + id, indicator.version, expectedVersion);
        indicator.delete();
        readModel.bump();
    }

    private void write(Indicator indicator, IndicatorForm form) {
        indicator.position = form.position() == null ? 1000 : form.position();
        indicator.nameFr = form.name().fr();
        indicator.nameEn = form.name().en();
        indicator.definitionFr = form.definition().fr();
        indicator.definitionEn = form.definition().en();
        indicator.planMeasures = List.copyOf(new java.util.TreeSet<>(form.planMeasures()));
        indicator.unit = form.unit().strip();
        indicator.metric = form.computation().metric();
        indicator.aggregation = form.computation().aggregation().name();
        indicator.filters = form.computation().filters() == null ? Map.of() : new LinkedHashMap<>(form.computation().filters());
        indicator.breakdowns = List.copyOf(new java.util.LinkedHashSet<>(form.breakdowns()));
        Target target = form.target();
        indicator.targetValue = target == null ? null : target.value();
        indicator.targetUnit = target == null ? null : target.unit().strip();
        indicator.targetStart = target == null ? null : target.periodStart();
        indicator.targetEnd = target == null ? null : target.periodEnd();
        indicator.targetSentence = target == null ? null : target.planSentence();
        indicator.targetSource = target == null ? null : target.source();
        indicator.updatedAt = OffsetDateTime.now(clock);
    }

    /** The checks Bean Validation cannot make: a known metric, its filters, breakdowns it can give, the target's unit. */
    static void check(IndicatorForm form) {
        List<String> problems = new ArrayList<>();
        Optional<Metric> metric = Metric.of(form.computation().metric());
        if (metric.isEmpty()) {
            problems.add("computation.metric: unknown metric " + form.computation().metric() + " (see GET /v1/metrics)");
        }
        Map<String, String> filters = form.computation().filters() == null ? Map.of() : form.computation().filters();
        metric.ifPresent(m -> filters.forEach((key, value) -> {
            if (!m.filters().contains(key)) {
                problems.add("computation.filters: " + m.key() + " cannot be filtered by " + key + " (it can by "
                        + String.join(", ", new java.util.TreeSet<>(m.filters())) + ")");
            } else if (value == null || value.isBlank()) {
                problems.add("computation.filters." + key + ": must not be blank");
            } else if ("measure".equals(key) && !value.matches("([1-9]|1[0-9]|2[0-2])")) {
                problems.add("computation.filters.measure: a Mesure of the plan, 1 to 22");
            }
        }));
        Set<String> seen = new HashSet<>();
        for (String breakdown : form.breakdowns()) {
            Optional<Dimension> dimension = Dimension.of(breakdown);
            if (dimension.isEmpty()) {
                problems.add("breakdowns: unknown breakdown " + breakdown
                        + " (audience, department, commune, place, sector, year, quarter, month)");
            } else if (metric.isPresent() && metric.get().splitFor(filters.keySet(), dimension.get()).isEmpty()) {
                problems.add("breakdowns: " + metric.get().key() + (filters.isEmpty() ? "" : " filtered by " + filters.keySet())
                        + " cannot be broken down by " + breakdown);
            } else if (!seen.add(breakdown)) {
                problems.add("breakdowns: " + breakdown + " is listed twice");
            }
        }
        if (metric.isPresent() && problems.isEmpty() && metric.get().splitFor(filters.keySet(), null).isEmpty()) {
            problems.add("computation.filters: " + metric.get().key() + " cannot combine the filters " + filters.keySet());
        }
        Target target = form.target();
        if (target != null) {
            if (!target.unit().strip().equals(form.unit().strip())) {
                problems.add("target.unit: must be the indicator's unit (" + form.unit() + "), not " + target.unit());
            }
            if (target.periodEnd().isBefore(target.periodStart())) {
                problems.add("target.periodEnd: must not be before target.periodStart");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems) + ".");
        }
    }
}
