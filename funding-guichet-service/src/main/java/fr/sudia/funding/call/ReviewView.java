package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CallReview")
public record ReviewView(UUID id, UUID applicationId, String juror, Map<String, Double> scores,
        @Schema(description = "0 to 100") double weightedScore, @Schema(nullable = true) String comment,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    static ReviewView of(Review r) {
        return new ReviewView(r.id, r.applicationId, r.juror, CallJson.scores(r), r.weightedScore, r.comment,
                CallView.utc(r.createdAt), CallView.utc(r.updatedAt), r.version);
    }
}
