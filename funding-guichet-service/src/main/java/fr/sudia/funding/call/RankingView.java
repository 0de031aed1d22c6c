package fr.sudia.funding.call;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a call's ranking. */
@Schema(name = "CallRanking")
public record RankingView(UUID callId, CallPhase phase,
        @Schema(description = "Standard deviation (0–100 scale) above which reviews disagree") double disagreementThreshold,
        int total, List<Row> items, @Schema(nullable = true) String nextCursor) {

    @Schema(name = "CallRankingRow")
    public record Row(int rank, UUID applicationId, String title, @Schema(nullable = true) String applicantName,
            long reviews, @Schema(nullable = true, description = "Mean weighted score, 0–100") Double meanScore,
            @Schema(nullable = true) Double standardDeviation,
            @Schema(description = "The reviews' standard deviation exceeds the threshold") boolean disagreement,
            @Schema(nullable = true) Outcome outcome) {
    }
}
