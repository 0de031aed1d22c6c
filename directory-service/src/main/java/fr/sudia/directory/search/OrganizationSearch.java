package fr.sudia.directory.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import fr.sudia.platform.paging.Cursor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;

/** Runs organization searches on the search index: the page, its profiles and the facets, without a database query. */
@ApplicationScoped
public class OrganizationSearch {

    /** How much a word found in the texts counts; the weights of the fields are in its indexed frequency. */
    private static final float TEXT_WEIGHT = 8f;
    private static final float TYPO_WEIGHT = 3f;
    private static final double EARTH_RADIUS_KM = 6371.0088;
    private static final List<String> FACETS = List.of(SearchDocuments.KIND, SearchDocuments.SECTOR,
            SearchDocuments.STRATEGIC_SECTOR, SearchDocuments.TECHNIQUE, SearchDocuments.DEPARTMENT,
            SearchDocuments.HEADCOUNT_BAND, SearchDocuments.LABELLED);

    private static final int MAX_TYPO_QUERIES = 2_000;
    /** Name words a typed word reaches that are scored one by one (the constant clause still finds every one). */
    private static final int MAX_SCORED_TYPO_TERMS = 50;

    private final Map<TypoKey, Query> typoQueries = new ConcurrentHashMap<>();
    /**
     * The total and facet counts of recent searches, valid for one state of the index: counting visits every
     * organization found, while a page needs only the best ones, so a search repeated before the index changes
     * (the same search paged, or a popular one) only ranks.
     */
    private final Cache<String, KnownCounts> countsBySearch = Caffeine.newBuilder().maximumSize(10_000).build();
    private final SearchIndex index;
    private final Timer engineTime;

    OrganizationSearch(SearchIndex index, MeterRegistry meters) {
        this.index = index;
        this.engineTime = Timer.builder("sudia.directory.search.engine")
                .description("Time the search index takes for one search (page, profiles and facets), without HTTP and JSON")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    public SearchResult search(SearchRequest request, String cursor) {
        Object[] after = after(request, cursor);
        Query query = query(request);
        Sort sort = sort(request);
        return engineTime.record(() -> index.read((searcher, facetState) -> {
            if (facetState == null) {
                return new SearchResult(List.of(), null, facets(0, Map.of()));
            }
            // Sort keys end with the unique id, so only the row itself equals the cursor: any doc number skips it.
            FieldDoc position = after == null ? null : new FieldDoc(searcher.getIndexReader().maxDoc() - 1, Float.NaN, after);
            // The opening too: a reloaded index may reuse a version number of the one before.
            long indexVersion = ((DirectoryReader) searcher.getIndexReader()).getVersion();
            long opening = index.openings();
            String matchKey = request.matchKey();
            KnownCounts known = countsBySearch.getIfPresent(matchKey);
            if (known != null && known.indexVersion() == indexVersion && known.opening() == opening) {
                // The total is known: no need to count the hits, so by relevance the index may skip whole blocks of
                // documents that cannot score high enough for the page as soon as the page is full.
                int hits = request.limit() + 1;
                TopDocs top = searcher.search(query, new TopFieldCollectorManager(sort, hits, position, hits));
                return page(request, searcher, top.scoreDocs, known.counts());
            }
            FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.searchAfter(searcher, position, query,
                    request.limit() + 1, sort, false, new FacetsCollectorManager());
            Counts counts = counts(facetState, found.facetsCollector());
            countsBySearch.put(matchKey, new KnownCounts(indexVersion, opening, counts));
            return page(request, searcher, found.topDocs().scoreDocs, counts);
        }));
    }

    private SearchResult page(SearchRequest request, IndexSearcher searcher, ScoreDoc[] hits, Counts counts) throws IOException {
        boolean hasMore = hits.length > request.limit();
        int kept = Math.min(hits.length, request.limit());
        String next = null;
        if (hasMore) {
            FieldDoc last = (FieldDoc) hits[kept - 1];
            next = Cursor.encode(List.of(request.sort().name(), request.fingerprint(), key(last.fields[0]),
                    new UUID((Long) last.fields[1], (Long) last.fields[2]).toString()));
        }
        return new SearchResult(profiles(request, searcher, hits, kept), next, facets(counts.total, counts.byFacet));
    }

    /** The stored profiles of the first {@code kept} hits, read segment by segment in document order. */
    private static List<StoredHit> profiles(SearchRequest request, IndexSearcher searcher, ScoreDoc[] hits, int kept)
            throws IOException {
        Integer[] byDoc = new Integer[kept];
        for (int i = 0; i < kept; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        StoredHit[] items = new StoredHit[kept];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues views = null;
        NumericDocValues latitudes = null;
        NumericDocValues longitudes = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                views = leaf.reader().getBinaryDocValues(SearchDocuments.VIEW);
                if (request.near() != null) {
                    latitudes = leaf.reader().getNumericDocValues(SearchDocuments.LATITUDE);
                    longitudes = leaf.reader().getNumericDocValues(SearchDocuments.LONGITUDE);
                }
            }
            int inLeaf = doc - leaf.docBase;
            if (views == null || !views.advanceExact(inLeaf)) {
                throw new IllegalStateException("Indexed organization without its profile (document " + doc + ")");
            }
            items[i] = new StoredHit(BytesRef.deepCopyOf(views.binaryValue()).bytes,
                    distanceKm(request, coordinate(latitudes, inLeaf), coordinate(longitudes, inLeaf)));
        }
        return Arrays.asList(items);
    }

    private static Double coordinate(NumericDocValues values, int doc) throws IOException {
        return values != null && values.advanceExact(doc) ? Double.longBitsToDouble(values.longValue()) : null;
    }

    /** The sort keys after which a cursor's page starts, or null for the first page. */
    private static Object[] after(SearchRequest request, String cursor) {
        List<String> after = Cursor.decode(cursor, 4);
        if (after.isEmpty()) {
            return null;
        }
        if (!after.get(0).equals(request.sort().name()) || !after.get(1).equals(request.fingerprint())) {
            throw new BadRequestException("The cursor parameter belongs to another search (other q, filters, near, "
                    + "radiusKm or sort); repeat that search's parameters, or start again without a cursor.");
        }
        Object key;
        try {
            key = switch (request.sort()) {
                case RELEVANCE -> Float.valueOf(after.get(2));
                case NAME -> new BytesRef(after.get(2));
                case DISTANCE -> Double.valueOf(after.get(2));
            };
        } catch (NumberFormatException e) {
            throw new BadRequestException("The cursor parameter is not one this list issued; start again without it.");
        }
        UUID id = Cursor.uuid(after.get(3));
        return new Object[] { key, id.getMostSignificantBits(), id.getLeastSignificantBits() };
    }

    private static String key(Object sortValue) {
        return sortValue instanceof BytesRef bytes ? bytes.utf8ToString() : sortValue.toString();
    }

    /**
     * Names with a word at most one typo away (two for words of six letters or more; a missing, extra, changed or
     * swapped letter, the first letter excepted). As a filter it only says which names match; as a scored clause
     * each name word it reaches is scored like a word found (the shorter the name, the higher), so that
     * "Therapixel" comes before "Therapixel Lab". Building the automaton of a word costs far more than running it,
     * and the same words come again and again: the queries are kept, a bounded number of them.
     */
    private Query nameCloseTo(String word, boolean scored) {
        if (typoQueries.size() > MAX_TYPO_QUERIES) {
            typoQueries.clear();
        }
        return typoQueries.computeIfAbsent(new TypoKey(word, scored), key -> {
            Term term = new Term(SearchDocuments.NAME_WORDS, word);
            int typos = word.length() <= 2 ? 0 : word.length() <= 5 ? 1 : 2;
            if (typos == 0) {
                return new TermQuery(term);
            }
            int first = word.offsetByCodePoints(0, 1);
            return new AutomatonQuery(term,
                    new LevenshteinAutomata(word.substring(first), true).toAutomaton(typos, word.substring(0, first)),
                    Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, false,
                    scored ? new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MAX_SCORED_TYPO_TERMS)
                            : MultiTermQuery.CONSTANT_SCORE_REWRITE);
        });
    }

    private record TypoKey(String word, boolean scored) {
    }

    Query query(SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (request.q() != null) {
            List<String> words = FrenchText.words(FrenchText.FOLDED, request.q());
            if (words.isEmpty()) {
                return new MatchNoDocsQuery("only stop words in q");
            }
            // Every word must be found: in some text (stemmed), or as a name close to it. The one field that holds
            // every text, weighted, both finds and scores it: one postings list per word. Every name close to the
            // word is found (the constant clause, which scores nothing); the nearest names score (the other one).
            for (String word : words) {
                BooleanQuery.Builder found = new BooleanQuery.Builder();
                for (String stem : FrenchText.words(FrenchText.STEMMED, word)) {
                    found.add(new BoostQuery(new TermQuery(new Term(SearchDocuments.ALL_TEXT, stem)), TEXT_WEIGHT),
                            Occur.SHOULD);
                }
                found.add(new BoostQuery(nameCloseTo(word, false), 0f), Occur.SHOULD);
                found.add(new BoostQuery(nameCloseTo(word, true), TYPO_WEIGHT), Occur.SHOULD);
                query.add(found.build(), Occur.MUST);
            }
        }
        anyOf(query, SearchDocuments.KIND, request.kinds());
        anyOf(query, SearchDocuments.SECTOR, request.sectors());
        anyOf(query, SearchDocuments.STRATEGIC_SECTOR, request.strategicSectors());
        anyOf(query, SearchDocuments.TECHNIQUE, request.techniques());
        anyOf(query, SearchDocuments.DEPARTMENT, request.departments());
        anyOf(query, SearchDocuments.HEADCOUNT_BAND, request.headcountBands());
        anyOf(query, SearchDocuments.CITY_KEY, request.cities().stream().map(FrenchText::key).toList());
        if (request.labelled() != null) {
            query.add(new TermQuery(new Term(SearchDocuments.LABELLED, request.labelled().toString())), Occur.FILTER);
        }
        if (request.near() != null) {
            query.add(request.radiusKm() == null ? new FieldExistsQuery(SearchDocuments.LOCATION)
                    : LatLonPoint.newDistanceQuery(SearchDocuments.LOCATION, request.near().latitude(),
                            request.near().longitude(), request.radiusKm() * 1000), Occur.FILTER);
        }
        if (request.foundedAfter() != null) {
            // Alone, the founding years' points find the organizations. With other clauses, the year is checked on
            // the organizations they find: walking the points collects every organization in the range first, which
            // cost a third of a search's time when the range kept most of the directory (Lucene's choice between
            // the two, IndexOrDocValuesQuery, still took the points there: it weighs the range against the
            // cheapest clause alone, not against what all the clauses together find).
            int from = request.foundedAfter() + 1;
            query.add(query.build().clauses().isEmpty()
                    ? IntPoint.newRangeQuery(SearchDocuments.FOUNDED_YEAR, from, Integer.MAX_VALUE)
                    : NumericDocValuesField.newSlowRangeQuery(SearchDocuments.FOUNDED_YEAR, from, Integer.MAX_VALUE),
                    Occur.FILTER);
        }
        BooleanQuery built = query.build();
        return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
    }

    private static void anyOf(BooleanQuery.Builder query, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            values.forEach(value -> any.add(new TermQuery(new Term(field, value)), Occur.SHOULD));
            query.add(any.build(), Occur.FILTER);
        }
    }

    /** The requested order, then the id: no two rows tie, so a cursor is an exact position. */
    private static Sort sort(SearchRequest request) {
        SortField idHigh = new SortField(SearchDocuments.ID_HIGH, SortField.Type.LONG);
        SortField idLow = new SortField(SearchDocuments.ID_LOW, SortField.Type.LONG);
        return switch (request.sort()) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, idHigh, idLow);
            case NAME -> new Sort(new SortField(SearchDocuments.NAME_SORT, SortField.Type.STRING), idHigh, idLow);
            case DISTANCE -> new Sort(LatLonDocValuesField.newDistanceSort(SearchDocuments.LOCATION,
                    request.near().latitude(), request.near().longitude()), idHigh, idLow);
        };
    }

    private record Counts(long total, Map<String, Map<String, Long>> byFacet) {
    }

    private record KnownCounts(long indexVersion, long opening, Counts counts) {
    }

    private static Counts counts(SortedSetDocValuesReaderState state, FacetsCollector collector) throws IOException {
        long total = collector.getMatchingDocs().stream().mapToLong(docs -> docs.totalHits).sum();
        Map<String, Map<String, Long>> byFacet = new LinkedHashMap<>();
        if (total > 0) {
            Facets facets = new SortedSetDocValuesFacetCounts(state, collector);
            for (String facet : FACETS) {
                Map<String, Long> values = new LinkedHashMap<>();
                FacetResult result = state.getPrefixToOrdRange().containsKey(facet) ? facets.getAllChildren(facet) : null;
                if (result != null) {
                    List.of(result.labelValues).stream()
                            .filter(value -> value.value.longValue() > 0)
                            .sorted(Comparator.<LabelAndValue>comparingLong(value -> value.value.longValue()).reversed()
                                    .thenComparing(value -> value.label))
                            .forEach(value -> values.put(value.label, value.value.longValue()));
                }
                byFacet.put(facet, values);
            }
        }
        return new Counts(total, byFacet);
    }

    private static SearchResult.Facets facets(long total, Map<String, Map<String, Long>> byFacet) {
        return new SearchResult.Facets(total, byFacet.getOrDefault(SearchDocuments.KIND, Map.of()),
                byFacet.getOrDefault(SearchDocuments.SECTOR, Map.of()),
                byFacet.getOrDefault(SearchDocuments.STRATEGIC_SECTOR, Map.of()),
                byFacet.getOrDefault(SearchDocuments.TECHNIQUE, Map.of()),
                byFacet.getOrDefault(SearchDocuments.DEPARTMENT, Map.of()),
                byFacet.getOrDefault(SearchDocuments.HEADCOUNT_BAND, Map.of()),
                byFacet.getOrDefault(SearchDocuments.LABELLED, Map.of()));
    }

    /** Great-circle distance from the search's point, in km to the metre, as the API shows it. */
    private static Double distanceKm(SearchRequest request, Double latitude, Double longitude) {
        if (request.near() == null || latitude == null || longitude == null) {
            return null;
        }
        double lat1 = Math.toRadians(request.near().latitude());
        double lat2 = Math.toRadians(latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(longitude - request.near().longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        double km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
        return Math.round(km * 1000) / 1000.0;
    }
}
