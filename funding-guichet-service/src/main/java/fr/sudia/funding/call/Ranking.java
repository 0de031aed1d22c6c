package fr.sudia.funding.call;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The jury's ranking: each review's weighted score on a 0–100 scale, their mean per application, and a
 * disagreement flag when the reviews' population standard deviation exceeds the call's threshold (15 points by
 * default: on a 0–100 scale, two jurors 30 points apart).
 */
public final class Ranking {

    private Ranking() {
    }

    /** Σ (score / max × weight) / Σ weight × 100, rounded to 2 decimals. */
    public static double weighted(List<Criterion> grid, Map<String, Double> scores) {
        double total = 0;
        double weights = 0;
        for (Criterion c : grid) {
            total += scores.getOrDefault(c.id(), 0.0) / c.maxScore() * c.weight();
            weights += c.weight();
        }
        return round(total / weights * 100);
    }

    /** One application's aggregate: count, sum and sum of squares of its reviews' weighted scores. */
    public record Aggregate(UUID applicationId, long reviews, double sum, double sumOfSquares) {

        public Double mean() {
            return reviews == 0 ? null : round(sum / reviews);
        }

        public Double standardDeviation() {
            if (reviews == 0) {
                return null;
            }
            double mean = sum / reviews;
            return round(Math.sqrt(Math.max(0, sumOfSquares / reviews - mean * mean)));
        }
    }

    /** A ranked application. */
    public record Ranked(int rank, UUID applicationId, long reviews, Double meanScore, Double standardDeviation,
            boolean disagreement) {
    }

    /**
     * Orders by mean score (unreviewed last), then by application id for a stable order; equal means share a
     * rank (1, 2, 2, 4).
     */
    public static List<Ranked> rank(List<UUID> applications, Map<UUID, Aggregate> aggregates, double threshold) {
        List<Aggregate> rows = new ArrayList<>(applications.size());
        for (UUID id : applications) {
            rows.add(aggregates.getOrDefault(id, new Aggregate(id, 0, 0, 0)));
        }
        rows.sort(Comparator.<Aggregate, Double>comparing(a -> a.mean() == null ? -1 : a.mean()).reversed()
                .thenComparing(Aggregate::applicationId));
        List<Ranked> ranked = new ArrayList<>(rows.size());
        Double previous = null;
        int rank = 0;
        for (int i = 0; i < rows.size(); i++) {
            Aggregate a = rows.get(i);
            if (previous == null || !previous.equals(a.mean())) {
                rank = i + 1;
            }
            previous = a.mean();
            Double sd = a.standardDeviation();
            ranked.add(new Ranked(rank, a.applicationId(), a.reviews(), a.mean(), sd, sd != null && a.reviews() > 1 && sd > threshold));
        }
        return ranked;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
