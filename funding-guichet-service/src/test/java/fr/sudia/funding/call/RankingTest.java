package fr.sudia.funding.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The weighted scores and the ranking: pure rules. */
class RankingTest {

    private static final List<Criterion> GRID = List.of(new Criterion("impact", "Impact", 2, 10),
            new Criterion("feasibility", "Faisabilité", 1, 5));

    @Test
    void aReviewWeighsEachCriterionOnItsOwnScale() {
        assertEquals(100.0, Ranking.weighted(GRID, Map.of("impact", 10.0, "feasibility", 5.0)));
        assertEquals(66.67, Ranking.weighted(GRID, Map.of("impact", 10.0, "feasibility", 0.0)));
        assertEquals(33.33, Ranking.weighted(GRID, Map.of("impact", 0.0, "feasibility", 5.0)));
    }

    @Test
    void scoresOutsideTheGridAreNamed() {
        assertEquals(List.of("scores.feasibility", "scores.impact", "scores.other"), CallForms.checkScores(GRID,
                Map.of("impact", 10.5, "feasibility", -1.0, "other", 1.0)).stream().map(v -> v.field()).toList());
        assertEquals(List.of("scores.feasibility"), CallForms.checkScores(GRID, Map.of("impact", 3.0)).stream()
                .map(v -> v.field()).toList());
        assertTrue(CallForms.checkScores(GRID, Map.of("impact", 0.0, "feasibility", 5.0)).isEmpty());
    }

    @Test
    void theRankingOrdersByMeanSharesTiesAndFlagsDisagreement() {
        UUID a = new UUID(0, 1);
        UUID b = new UUID(0, 2);
        UUID c = new UUID(0, 3);
        UUID unreviewed = new UUID(0, 4);
        Map<UUID, Ranking.Aggregate> aggregates = Map.of(
                a, aggregate(a, 70, 70),
                b, aggregate(b, 40, 100),
                c, aggregate(c, 60, 80));
        List<Ranking.Ranked> ranked = Ranking.rank(List.of(unreviewed, c, b, a), aggregates, 15);
        assertEquals(List.of(a, b, c, unreviewed), ranked.stream().map(Ranking.Ranked::applicationId).toList());
        assertEquals(List.of(1, 1, 1, 4), ranked.stream().map(Ranking.Ranked::rank).toList());
        assertFalse(ranked.get(0).disagreement());
        assertTrue(ranked.get(1).disagreement(), "30 points apart on each side of the mean");
        assertEquals(30.0, ranked.get(1).standardDeviation());
        assertFalse(ranked.get(2).disagreement(), "10 points is within the threshold");
        assertEquals(0, ranked.get(3).reviews());
    }

    private static Ranking.Aggregate aggregate(UUID id, double... scores) {
        double sum = 0;
        double squares = 0;
        for (double s : scores) {
            sum += s;
            squares += s * s;
        }
        return new Ranking.Aggregate(id, scores.length, sum, squares);
    }
}
