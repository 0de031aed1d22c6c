package fr.sudia.impact.declared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A declared figure: what a source says, never added to the measured figures")
public record DeclaredFigureView(UUID id, String indicatorId,
        @Schema(example = "DECLARED") String nature,
        BigDecimal value, String unit, LocalDate periodStart, LocalDate periodEnd, @Schema(nullable = true) String scopeFr, @Schema(nullable = true) String scopeEn,
        String source, long version, OffsetDateTime updatedAt) {

    public static DeclaredFigureView of(DeclaredFigure f) {
        return new DeclaredFigureView(f.id, f.indicatorId, "DECLARED", fr.sudia.impact.publication.Numbers.plain(f.value), f.unit, f.periodStart, f.periodEnd, f.scopeFr,
                f.scopeEn, f.source, f.version, f.updatedAt);
    }
}
