package fr.sudia.impact.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.impact.declared.DeclaredFigureView;
import fr.sudia.impact.fact.Measurements;

/** The public views of an indicator's figures. Measured and declared figures are always kept apart. */
public final class FigureViews {

    public static final String APART = "Measured figures come from the platform's events; declared figures from their "
            + "sources, over their own periods and scopes. They are shown apart and never added together.";

    private FigureViews() {
    }

    @Schema(description = "What the platform measured from the events it received")
    public record Measured(
            @Schema(example = "MEASURED") String nature,
            @Schema(example = "1250") long value,
            @Schema(example = "people") String unit,
            @Schema(nullable = true, description = "First day counted (null: from the start)") LocalDate from,
            @Schema(nullable = true, description = "Last day counted (null: up to now)") LocalDate to) {
    }

    @Schema(description = "An indicator's value now: measured, and declared apart")
    public record Figures(
            @Schema(example = "people-made-aware") String indicatorId,
            LocalizedText name,
            String unit,
            Measured measured,
            @Schema(description = "Figures declared from sources, never added to the measured one") List<DeclaredFigureView> declared,
            @Schema(nullable = true, description = "Progress against the plan's target; null when the plan gives none") Progress progress,
            @Schema(example = APART) String note) {
    }

    @Schema(description = "Progress of the measured figure against the plan's target, over the target's period")
    public record Progress(
            Target target,
            Measured measured,
            @Schema(example = "0.4", description = "measured / target, 4 decimals") BigDecimal ratio,
            @Schema(description = "Declared figures overlapping the target's period, shown apart, not counted in the ratio")
            List<DeclaredFigureView> declared,
            String note) {
    }

    @Schema(description = "An indicator's measured figures by period, optionally broken down")
    public record Series(
            String indicatorId,
            String unit,
            @Schema(example = "year") String period,
            @Schema(nullable = true, example = "department", description = "null: no breakdown") String breakdown,
            @Schema(nullable = true) LocalDate from,
            @Schema(nullable = true) LocalDate to,
            List<Measurements.Point> points,
            @Schema(example = OpenData.LICENCE) String licence,
            String methodology) {
    }

    @Schema(description = "Every indicator with its figures, under the open data licence")
    public record Dataset(
            @Schema(example = OpenData.LICENCE) String licence,
            String methodology,
            List<Entry> indicators) {
    }

    public record Entry(IndicatorView indicator, Figures figures) {
    }
}
