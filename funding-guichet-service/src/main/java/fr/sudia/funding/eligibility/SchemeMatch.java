package fr.sudia.funding.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.funding.scheme.Level;
import fr.sudia.funding.scheme.Pillar;
import fr.sudia.funding.scheme.SchemeKind;

/** One scheme's answer for a profile: the verdict and every condition's check. */
@Schema(name = "SchemeMatch")
public record SchemeMatch(
        UUID schemeId,
        @Schema(examples = "Mon assistant IA") String name,
        @Schema(examples = "Région Sud") String provider,
        Level level,
        SchemeKind kind,
        List<Pillar> pillars,
        @Schema(description = "Whether applications are accepted today") boolean open,
        @Schema(nullable = true) LocalDate nextDeadline,
        Verdict verdict,
        @Schema(description = "Conditions that pass") int passed,
        @Schema(description = "Conditions that fail") int failed,
        @Schema(description = "Conditions that cannot be decided for lack of data") int unknown,
        List<ConditionCheck> checks) {
}
