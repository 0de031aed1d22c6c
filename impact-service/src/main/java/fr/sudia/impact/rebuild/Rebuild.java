package fr.sudia.impact.rebuild;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The state of a rebuild of the read model, kept in memory by the instance running it. */
@Schema(description = "A rebuild of the read model: its facts dropped, the topics replayed from their start")
public record Rebuild(
        UUID id,
        @Schema(example = "DONE") State state,
        OffsetDateTime startedAt,
        @Schema(nullable = true, description = "null while running") OffsetDateTime finishedAt,
        @Schema(description = "Records read per topic") Map<String, Long> records,
        @Schema(description = "Events applied (first delivery)") long applied,
        @Schema(description = "Records already applied (redeliveries, or applied live during the replay)") long duplicates,
        @Schema(description = "Records that can never be processed (already dead-lettered live), skipped") long poison,
        @Schema(nullable = true, description = "Why it failed, if it did") String failure) {

    @Schema(description = "RUNNING: en cours / running; DONE: terminée / done; FAILED: échouée / failed")
    public enum State {
        RUNNING, DONE, FAILED
    }

    static Rebuild started(UUID id, OffsetDateTime at) {
        return new Rebuild(id, State.RUNNING, at, null, new TreeMap<>(), 0, 0, 0, null);
    }
}
