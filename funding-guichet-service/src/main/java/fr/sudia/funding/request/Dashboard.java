package fr.sudia.funding.request;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The desk's figures. */
@Schema(name = "RequestDashboard")
public record Dashboard(
        long total,
        @Schema(description = "Requests per status (every status listed)") Map<RequestStatus, Long> byStatus,
        @Schema(description = "Requests per pillar (a request counts once per pillar it names)") Map<String, Long> byPillar,
        @Schema(description = "Median time from submission to the first advisor's answer, hours; null before any answer", nullable = true)
        Double medianHoursToFirstAnswer,
        @Schema(description = "Requests flagged for a reminder") long reminderDue,
        @Schema(description = "Requests flagged as a likely repeat") long likelyRepeats,
        @Schema(description = "Mean satisfaction score (1 to 5); null before any answer", nullable = true) Double meanSatisfaction) {
}
