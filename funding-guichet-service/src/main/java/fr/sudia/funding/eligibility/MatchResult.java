package fr.sudia.funding.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The catalogue ranked for one profile. */
@Schema(name = "MatchResult")
public record MatchResult(
        @Schema(description = "The profile matched (for an organization id, as the desk knows it)") CompanyProfile profile,
        @Schema(description = "The day the dates and ages were computed for") LocalDate on,
        @Schema(description = "Schemes per verdict, over all the schemes matched") Map<Verdict, Long> totals,
        @Schema(description = "Schemes ranked: eligible first, then possibly eligible, then not eligible") List<SchemeMatch> items) {
}
