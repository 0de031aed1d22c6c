package fr.sudia.directory.search;

import org.apache.lucene.search.similarities.BasicStats;
import org.apache.lucene.search.similarities.SimilarityBase;

/**
 * Relevance from the row alone: how often the word occurs in a field (in the all-text field, its frequency weighted
 * by the fields it is in) and how short the field is, times the query's boost. Unlike BM25 it takes no corpus
 * statistics, so an organization's score never changes when others come or go, and a cursor (score, id) keeps its
 * place while the directory grows.
 */
final class RowOnlySimilarity extends SimilarityBase {

    @Override
    protected double score(BasicStats stats, double freq, double docLen) {
        return stats.getBoost() * freq / (freq + 0.5 + docLen / 40.0);
    }

    @Override
    public String toString() {
        return "row-only";
    }
}
