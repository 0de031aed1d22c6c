package fr.sudia.impact.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import fr.sudia.impact.declared.DeclaredFigureView;
import fr.sudia.impact.declared.DeclaredFigures;
import fr.sudia.impact.fact.Aggregation;
import fr.sudia.impact.fact.Dimension;
import fr.sudia.impact.fact.Measurements;
import fr.sudia.impact.fact.Metric;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;

/** An indicator's figures: measured now, by period and breakdown, against its target; declared ones apart. */
@ApplicationScoped
public class Figures {

    private final Indicators indicators;
    private final DeclaredFigures declaredFigures;
    private final Measurements measurements;

    Figures(Indicators indicators, DeclaredFigures declaredFigures, Measurements measurements) {
        this.indicators = indicators;
        this.declaredFigures = declaredFigures;
        this.measurements = measurements;
    }

    @Transactional
    public List<IndicatorView> all() {
        return Indicator.<Indicator>findAll(Sort.by("position").and("id")).stream().map(IndicatorView::of).toList();
    }

    @Transactional
    public FigureViews.Figures figures(String id) {
        return figures(indicators.find(id));
    }

    private FigureViews.Figures figures(Indicator indicator) {
        List<DeclaredFigureView> declared = declaredFigures.of(indicator.id).stream().map(DeclaredFigureView::of).toList();
        return new FigureViews.Figures(indicator.id, new LocalizedText(indicator.nameFr, indicator.nameEn), indicator.unit,
                measured(indicator, null, null), declared, progress(indicator, declared), FigureViews.APART);
    }

    @Transactional
    public FigureViews.Progress progress(String id) {
        Indicator indicator = indicators.find(id);
        if (!indicator.hasTarget()) {
            throw new jakarta.ws.rs.NotFoundException("The plan gives indicator " + id + " no target.");
        }
        return progress(indicator, declaredFigures.of(id).stream().map(DeclaredFigureView::of).toList());
    }

    private FigureViews.Progress progress(Indicator indicator, List<DeclaredFigureView> declared) {
        if (!indicator.hasTarget()) {
            return null;
        }
        FigureViews.Measured measured = measured(indicator, indicator.targetStart, indicator.targetEnd);
        BigDecimal ratio = BigDecimal.valueOf(measured.value()).divide(indicator.targetValue, 4, RoundingMode.HALF_UP);
        List<DeclaredFigureView> overlapping = declared.stream()
                .filter(d -> !d.periodEnd().isBefore(indicator.targetStart) && !d.periodStart().isAfter(indicator.targetEnd))
                .toList();
        return new FigureViews.Progress(IndicatorView.of(indicator).target(), measured, ratio, overlapping,
                "The ratio counts only the measured figure over the target's period. " + FigureViews.APART);
    }

    private FigureViews.Measured measured(Indicator indicator, LocalDate from, LocalDate to) {
        long value = measurements.value(Metric.of(indicator.metric).orElseThrow(), Aggregation.valueOf(indicator.aggregation),
                indicator.filters, from, to);
        return new FigureViews.Measured("MEASURED", value, indicator.unit, from, to);
    }

    @Transactional
    public FigureViews.Series series(String id, String period, String breakdown, LocalDate from, LocalDate to) {
        Indicator indicator = indicators.find(id);
        Dimension periodDimension = dimension(indicator, "period", period == null ? "year" : period);
        if (!periodDimension.isPeriod()) {
            throw new BadRequestException("period must be year, quarter or month, not " + period + ".");
        }
        Dimension breakdownDimension = breakdown == null ? null : dimension(indicator, "breakdown", breakdown);
        if (breakdownDimension != null && breakdownDimension.isPeriod()) {
            throw new BadRequestException("breakdown " + breakdown + " is a period: ask for it with period=" + breakdown + ".");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("to must not be before from.");
        }
        List<Measurements.Point> points = measurements.compute(new Measurements.Question(Metric.of(indicator.metric).orElseThrow(),
                Aggregation.valueOf(indicator.aggregation), indicator.filters, periodDimension, breakdownDimension, from, to));
        IndicatorView view = IndicatorView.of(indicator);
        return new FigureViews.Series(indicator.id, indicator.unit, periodDimension.key(),
                breakdownDimension == null ? null : breakdownDimension.key(), from, to, points, OpenData.LICENCE,
                OpenData.methodology(view));
    }

    private static Dimension dimension(Indicator indicator, String parameter, String key) {
        Dimension dimension = Dimension.of(key)
                .orElseThrow(() -> new BadRequestException(parameter + ": unknown breakdown " + key + "."));
        if (!indicator.breakdowns.contains(key)) {
            throw new BadRequestException(parameter + ": indicator " + indicator.id + " is not broken down by " + key
                    + " (it is by " + String.join(", ", indicator.breakdowns) + ").");
        }
        return dimension;
    }

    @Transactional
    public FigureViews.Dataset dataset() {
        List<FigureViews.Entry> entries = Indicator.<Indicator>findAll(Sort.by("position").and("id")).stream()
                .map(i -> new FigureViews.Entry(IndicatorView.of(i), figures(i))).toList();
        return new FigureViews.Dataset(OpenData.LICENCE, OpenData.methodology(), entries);
    }
}
