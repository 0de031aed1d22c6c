package fr.sudia.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.directory.organization.Organization;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

/**
 * The organization search index: Apache Lucene, in each instance of the service, derived from PostgreSQL, which
 * stays the only source of truth. Built from the table at startup, then kept in step by catching up on the rows
 * changed since the last catch-up: right after each commit that touched an organization in this instance (so
 * that a writer reads its own write), and every second for the changes made by other instances.
 * <p>
 * Which rows changed: every insert or update stamps the row with its transaction id ({@code change_xid}, a
 * trigger). A catch-up first notes the oldest transaction still running (the snapshot's xmin), then reads the
 * rows stamped at or after the previous catch-up's xmin; every transaction older than that had ended before the
 * previous catch-up looked, so nothing committed is ever missed, whatever the order of commits.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    private static final int BATCH = 500;
    private static final long CATCH_UP_WAIT_SECONDS = 10;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Optional<Path> configuredPath;
    private final Counter indexed;
    private final ExecutorService catchUpThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-index-catch-up");
        thread.setDaemon(true);
        return thread;
    });

    private Path path;
    private FSDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile FacetState facetState;
    /** Transactions from this one on may have changed rows not yet read. */
    private long watermark;
    /** The rows indexed whose stamp is at or after the watermark, with that stamp: no need to index them again. */
    private final Map<UUID, Long> indexedSinceWatermark = new HashMap<>();
    private CompletableFuture<Void> queued;

    SearchIndex(EntityManager em, ObjectMapper mapper, MeterRegistry meters,
            @ConfigProperty(name = "sudia.directory.search.index-path") Optional<String> configuredPath) {
        this.em = em;
        this.mapper = mapper;
        this.configuredPath = configuredPath.map(Path::of);
        this.indexed = Counter.builder("sudia.directory.search.indexed")
                .description("Organizations (re)indexed since the start, removals included").register(meters);
        Gauge.builder("sudia.directory.search.documents", this, index -> index.writer == null ? 0 : index.writer.getDocStats().numDocs)
                .description("Organizations in this instance's search index").register(meters);
    }

    void start(@Observes StartupEvent startup) throws IOException {
        // The index is rebuilt at each start: whatever an earlier process left there may be stale.
        path = configuredPath.orElse(Files.createTempDirectory("sudia-directory-search"));
        deleteContents(path);
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
        Analyzer analyzer = new PerFieldAnalyzerWrapper(FrenchText.STEMMED,
                Map.of(SearchDocuments.NAME_WORDS, FrenchText.FOLDED));
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new RowOnlySimilarity())
                .setIndexSort(SearchDocuments.INDEX_ORDER).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new RowOnlySimilarity());
                // Filters here are cheap term lookups; Lucene's shared query cache would only add a lock that every
                // concurrent search goes through.
                searcher.setQueryCache(null);
                return searcher;
            }
        });
        long started = System.nanoTime();
        // The service answers searches only once the index holds the whole directory.
        awaitCatchUp(Long.MAX_VALUE);
        // Built in one go, then changed a few rows at a time: merged into one segment, a search does its work per
        // segment (term lookups, scorers, sort comparators) once rather than for each of the tens the build left.
        writer.forceMerge(1);
        searchers.maybeRefreshBlocking();
        LOG.infof("Search index built: %d organizations in %d ms (%s)", writer.getDocStats().numDocs,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), path);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        catchUpThread.shutdownNow();
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.rollback();
            }
            if (directory != null) {
                directory.close();
            }
            if (configuredPath.isEmpty() && path != null) {
                deleteContents(path);
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Search index not closed cleanly", e);
        }
    }

    /** After a commit that changed organizations, this instance's searches see the change before the answer leaves. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrganizationsChanged changed) {
        try {
            awaitCatchUp();
        } catch (RuntimeException e) {
            // The change is committed; the periodic catch-up will index it.
            LOG.warn("Search index not updated after commit; the next catch-up will", e);
        }
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodicCatchUp() {
        if (writer != null && !catchUpThread.isShutdown()) {
            awaitCatchUp();
        }
    }

    private void awaitCatchUp() {
        awaitCatchUp(CATCH_UP_WAIT_SECONDS);
    }

    /** Runs a catch-up, or joins one that has not started yet (it will see every commit made before it starts). */
    private void awaitCatchUp(long waitSeconds) {
        CompletableFuture<Void> done;
        synchronized (this) {
            if (queued == null) {
                CompletableFuture<Void> next = new CompletableFuture<>();
                queued = next;
                catchUpThread.execute(() -> {
                    synchronized (this) {
                        queued = null;
                    }
                    try {
                        catchUp();
                        next.complete(null);
                    } catch (RuntimeException | Error e) {
                        next.completeExceptionally(e);
                    }
                });
            }
            done = queued;
        }
        try {
            done.get(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Search index catch-up failed", e.getCause());
        } catch (TimeoutException e) {
            LOG.warnf("Search index catch-up still running after %d s", waitSeconds);
        }
    }

    private void catchUp() {
        long xmin = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint)")
                .getSingleResult()).longValue());
        UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's order (unsigned bytes)
        boolean changed = false;
        while (true) {
            UUID from = after;
            List<Object[]> stamps = QuarkusTransaction.requiringNew().call(() -> changedSince(from));
            if (stamps.isEmpty()) {
                break;
            }
            // A transaction that runs long anywhere on the server holds the xmin back, and the rows changed since
            // come again at every look: only those not indexed at this very stamp are read and indexed again.
            List<UUID> stale = new ArrayList<>();
            for (Object[] stamp : stamps) {
                UUID id = (UUID) stamp[0];
                long xid = ((Number) stamp[1]).longValue();
                // Rows older than the new watermark will not come again: no need to remember them.
                Long before = xid >= xmin ? indexedSinceWatermark.put(id, xid) : indexedSinceWatermark.remove(id);
                if (before == null || before != xid) {
                    stale.add(id);
                }
            }
            if (!stale.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> index(stale));
                changed = true;
            }
            after = (UUID) stamps.get(stamps.size() - 1)[0];
            if (stamps.size() < BATCH) {
                break;
            }
        }
        watermark = xmin;
        indexedSinceWatermark.values().removeIf(xid -> xid < xmin);
        if (changed) {
            try {
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** (id, change_xid) of the rows changed by transactions from the watermark on, a batch after the given id. */
    @SuppressWarnings("unchecked")
    private List<Object[]> changedSince(UUID after) {
        return em.createNativeQuery("""
                select id, cast(cast(change_xid as text) as bigint) from organization
                where change_xid >= cast(cast(:watermark as text) as xid8) and id > :after
                order by id limit :batch""")
                .setParameter("watermark", watermark).setParameter("after", after).setParameter("batch", BATCH)
                .getResultList();
    }

    private void index(List<UUID> ids) {
        Map<UUID, Organization> rows = Organization.<Organization>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        try {
            for (UUID id : ids) {
                Organization organization = rows.get(id);
                Term term = new Term(SearchDocuments.ID, id.toString());
                if (organization != null && organization.isPublic()) {
                    writer.updateDocument(term, SearchDocuments.of(organization, mapper));
                } else {
                    writer.deleteDocuments(term);
                }
            }
            indexed.increment(ids.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a read on the current index, with its facet ordinals. */
    <T> T read(IndexRead<T> read) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.apply(searcher, facetState(searcher.getIndexReader()));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facet ordinals of a reader (null while the index holds no organization), built once per reader. */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState state = facetState;
        if (state != null && state.reader == reader) {
            return state.ordinals;
        }
        if (reader.numDocs() == 0) {
            return null;
        }
        SortedSetDocValuesReaderState ordinals = new DefaultSortedSetDocValuesReaderState(reader, SearchDocuments.FACETS);
        facetState = new FacetState(reader, ordinals);
        return ordinals;
    }

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState ordinals) {
    }

    @FunctionalInterface
    interface IndexRead<T> {
        T apply(IndexSearcher searcher, SortedSetDocValuesReaderState facets) throws IOException;
    }

    /** Fired when a transaction changes an organization; the index catches up once it has committed. */
    public enum OrganizationsChanged {
        INSTANCE
    }

    private static void deleteContents(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return;
        }
        Set<Path> keep = new HashSet<>(Set.of(path));
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!keep.contains(file)) {
                    Files.delete(file);
                }
            }
        }
    }
}
