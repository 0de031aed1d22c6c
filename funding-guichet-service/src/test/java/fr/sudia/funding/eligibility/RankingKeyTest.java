package fr.sudia.funding.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.funding.scheme.Level;
import fr.sudia.funding.scheme.SchemeKind;

/** The packed key orders matches exactly as the first levels of the ranking do. */
class RankingKeyTest {

    @Test
    void theKeyAgreesWithTheRankingWheneverItDecides() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            SchemeMatch a = randomMatch(random);
            SchemeMatch b = randomMatch(random);
            int byKey = Long.compare(EligibilityService.rankingKey(a), EligibilityService.rankingKey(b));
            if (byKey != 0) {
                assertEquals(byKey, Integer.signum(EligibilityService.RANKING.compare(a, b)), a + " / " + b);
            }
        }
    }

    private static SchemeMatch randomMatch(Random random) {
        int failed = random.nextInt(3);
        int unknown = random.nextInt(3);
        return new SchemeMatch(UUID.randomUUID(), "S" + random.nextInt(5), "Région Sud", Level.REGION,
                SchemeKind.values()[random.nextInt(SchemeKind.values().length)], List.of(), random.nextBoolean(),
                random.nextBoolean() ? null : LocalDate.of(2027, 1 + random.nextInt(12), 1), Verdict.of(failed, unknown),
                random.nextInt(6), failed, unknown, List.of());
    }
}
