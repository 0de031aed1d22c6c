package fr.sudia.funding.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.funding.scheme.Level;
import fr.sudia.funding.scheme.SchemeKind;

/** Sorting by the packed key gives exactly the documented ranking, and the key finds its scheme again. */
class RankingKeyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void sortingByKeyIsSortingByTheRanking() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<SchemeMatch> catalogue = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                catalogue.add(randomMatch(random));
            }
            // the catalogue in the snapshot's order: by name, then id
            catalogue.sort(Comparator.comparing(SchemeMatch::name).thenComparing(SchemeMatch::schemeId));
            List<Long> keys = new ArrayList<>();
            for (int position = 0; position < catalogue.size(); position++) {
                SchemeMatch match = catalogue.get(position);
                keys.add(RankingKey.of(match.verdict(), match.failed(), match.unknown(), match.passed(), match.open(),
                        match.nextDeadline(), TODAY, position));
            }
            List<SchemeMatch> byKey = keys.stream().sorted().map(key -> catalogue.get(RankingKey.position(key))).toList();
            List<SchemeMatch> byRanking = catalogue.stream().sorted(EligibilityService.RANKING).toList();
            assertEquals(byRanking, byKey);
        }
    }

    @Test
    void theFarthestAndMissingDeadlinesStayInOrder() {
        long farAway = RankingKey.of(Verdict.ELIGIBLE, 0, 0, 3, true, TODAY.plusYears(5000), TODAY, 7);
        long none = RankingKey.of(Verdict.ELIGIBLE, 0, 0, 3, true, null, TODAY, 0);
        long today = RankingKey.of(Verdict.ELIGIBLE, 0, 0, 3, true, TODAY, TODAY, 9);
        assertEquals(List.of(today, farAway, none), List.of(none, farAway, today).stream().sorted().toList());
        assertEquals(7, RankingKey.position(farAway));
    }

    private static SchemeMatch randomMatch(Random random) {
        int failed = random.nextInt(3);
        int unknown = random.nextInt(3);
        LocalDate deadline = random.nextBoolean() ? null : TODAY.plusDays(random.nextInt(40));
        return new SchemeMatch(UUID.randomUUID(), "S" + random.nextInt(5), "Région Sud", Level.REGION,
                SchemeKind.values()[random.nextInt(SchemeKind.values().length)], List.of(), random.nextBoolean(),
                deadline, Verdict.of(failed, unknown), random.nextInt(EligibilityMatcher.CONDITION_COUNT - failed - unknown + 1),
                failed, unknown, List.of());
    }
}
