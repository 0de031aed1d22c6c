package fr.sudia.impact.indicator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import fr.sudia.impact.declared.DeclaredFigureView;
import fr.sudia.impact.fact.Measurements;
import fr.sudia.impact.fact.Metric;

/**
 * The methodology the downloads carry, and their CSV form; the licence, its headers and the CSV writing (text made inert
 * for spreadsheets) are the platform's ({@link fr.sudia.platform.opendata.OpenData}).
 */
public final class OpenData {

    public static final String LICENCE = fr.sudia.platform.opendata.OpenData.LICENCE_NAME;

    static final String METHOD = "Figures measured by the Sud IA Platform's impact-service from the events the platform's "
            + "services publish (attendance at activities, directory, labels, one-stop desk, calls), each event applied "
            + "once and each record at its latest version; the read model can be rebuilt by replaying the topics and "
            + "gives the same figures. Dates are days in Europe/Paris. " + FigureViews.APART;

    private OpenData() {
    }

    /** How one indicator is computed, in words. */
    public static String methodology(IndicatorView indicator) {
        Metric metric = Metric.of(indicator.computation().metric()).orElseThrow();
        String filters = indicator.computation().filters().isEmpty() ? ""
                : " filtered by " + indicator.computation().filters().entrySet().stream()
                        .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
        return METHOD + " " + indicator.id() + ": " + indicator.definition().en() + " Computed as "
                + indicator.computation().aggregation() + " of " + metric.key() + " (" + metric.description() + ", topic "
                + metric.topic() + ")" + filters + ".";
    }

    public static String methodology() {
        return METHOD;
    }

    static String seriesCsv(FigureViews.Series series) {
        return csv(series.methodology(), List.of("indicator_id", "nature", "period", "breakdown", "breakdown_value", "value", "unit"),
                series.points().stream().map((Measurements.Point p) -> List.<Object>of(series.indicatorId(), "MEASURED",
                        nullable(p.period()), nullable(series.breakdown()), nullable(p.key()), p.value(), series.unit())).toList());
    }

    static String datasetCsv(FigureViews.Dataset dataset) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (FigureViews.Entry entry : dataset.indicators()) {
            IndicatorView i = entry.indicator();
            FigureViews.Measured measured = entry.figures().measured();
            rows.add(List.of(i.id(), i.name().fr(), i.name().en(), "MEASURED", measured.value(), i.unit(), "", "", "",
                    "Sud IA Platform"));
            if (i.target() != null) {
                rows.add(List.of(i.id(), i.name().fr(), i.name().en(), "TARGET", i.target().value(), i.unit(),
                        i.target().periodStart(), i.target().periodEnd(), i.target().planSentence(), nullable(i.target().source())));
            }
            for (DeclaredFigureView d : entry.figures().declared()) {
                rows.add(List.of(i.id(), i.name().fr(), i.name().en(), "DECLARED", d.value(), d.unit(), d.periodStart(),
                        d.periodEnd(), d.scopeFr(), d.source()));
            }
        }
        return csv(dataset.methodology(), List.of("indicator_id", "name_fr", "name_en", "nature", "value", "unit",
                "period_start", "period_end", "scope", "source"), rows);
    }

    private static String csv(String methodology, List<String> header, List<List<Object>> rows) {
        return new String(fr.sudia.platform.opendata.OpenData.csv(List.of("Licence: " + LICENCE, "Methodology: " + methodology),
                header, rows), StandardCharsets.UTF_8);
    }

    private static String nullable(Object value) {
        return value == null ? "" : value.toString();
    }
}
