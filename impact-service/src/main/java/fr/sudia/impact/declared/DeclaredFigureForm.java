package fr.sudia.impact.declared;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A figure declared from a source, with the period and the scope it covers")
public record DeclaredFigureForm(
        @NotBlank @Schema(example = "people-made-aware") String indicatorId,
        @NotNull @DecimalMin("0") @Schema(example = "100000") BigDecimal value,
        @NotBlank @Size(max = 40) @Schema(example = "people", description = "Must be the indicator's unit") String unit,
        @NotNull @Schema(example = "2020-01-01") LocalDate periodStart,
        @NotNull @Schema(example = "2025-06-30") LocalDate periodEnd,
        @NotBlank @Size(max = 1000) @Schema(example = "Personnes sensibilisées à la Maison de l'Intelligence Artificielle depuis 2020")
        String scopeFr,
        @Size(max = 1000) @Schema(example = "People made aware at the Maison de l'Intelligence Artificielle since 2020") String scopeEn,
        @NotBlank @Size(max = 1000) @Schema(example = "Département des Alpes-Maritimes, « Les Alpes-Maritimes, terre d'intelligence artificielle »")
        String source) {
}
