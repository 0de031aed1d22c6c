package fr.sudia.directory.search;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
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
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Version;
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
import jakarta.ws.rs.ServiceUnavailableException;

/**
 * The organization search index: Apache Lucene, in each instance of the service, derived from PostgreSQL, which
 * stays the only source of truth. Kept in step by catching up on the rows changed since the last catch-up: right
 * after each commit that touched an organization in this instance (so that a writer reads its own write), and
 * every second for the changes made by other instances.
 * <p>
 * Which rows changed: every insert or update stamps the row with its transaction id ({@code change_xid}, a
 * trigger), and a row deleted outright leaves its id in {@code organization_removal}, stamped the same way. A
 * catch-up first notes the oldest transaction still running (the snapshot's xmin), then reads the rows stamped at
 * or after the previous catch-up's xmin (the watermark); every transaction older than that had ended before the
 * previous catch-up looked, so nothing committed is ever missed, whatever the order of commits.
 * <p>
 * Start: with a configured directory ({@code sudia.directory.search.index-path}, local to the instance), the index
 * is committed there now and then with its watermark (a snapshot), and a restart opens that snapshot and catches
 * up on the rows changed since its watermark: seconds, whatever the size of the directory. A snapshot is rebuilt
 * from the table instead when it is missing, of another format ({@link #format()}), of another database, ahead of
 * the database, or fails its checksums. Loading runs after the HTTP server starts; readiness is DOWN and searches
 * answer 503 until the index holds every row committed before the load's last catch-up.
 */
@ApplicationScoped
public class SearchIndex {

    /**
     * Raised whenever what a document holds or how it is analysed changes in a way the bytecode hash of
     * {@link #format()} would not see (a library's behaviour, a setting read from elsewhere).
     */
    static final int FORMAT_VERSION = 1;
    static final String FORMAT_KEY = "sudia.format";
    static final String DATABASE_KEY = "sudia.database";
    static final String WATERMARK_KEY = "sudia.watermark";

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    private static final int BATCH = 500;
    private static final long CATCH_UP_WAIT_SECONDS = 10;

    /** Where the index is in its start. */
    public enum State {
        /** Not opened yet, or closed. */
        CLOSED,
        /** Opening a snapshot and catching up from its watermark. */
        LOADING_SNAPSHOT,
        /** Building the whole index from the table (no usable snapshot). */
        REBUILDING,
        /** Holds the directory as of the last catch-up: searches are answered. */
        READY
    }

    /** How the last start went: from a snapshot or by a rebuild (and why), rows read, time taken. */
    public record Load(boolean fromSnapshot, String reason, long rowsRead, long millis) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Optional<Path> configuredPath;
    private final Duration snapshotInterval;
    private final boolean verifySnapshot;
    private final Duration awaitAtStart;
    private final Counter indexed;
    private final ExecutorService catchUpThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-index-catch-up");
        thread.setDaemon(true);
        return thread;
    });

    private Path path;
    /** Whether the index is kept as a snapshot in its directory (one configured, and not in use by another process). */
    private volatile boolean snapshots;
    private volatile boolean closing;
    private FSDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile FacetState facetState;
    private volatile State state = State.CLOSED;
    private volatile Load lastLoad;
    /** Raised at each opening, so that what was derived from an earlier index (counts by reader version) expires. */
    private volatile long openings;
    private String database;
    /** Transactions from this one on may have changed rows not yet read. */
    private long watermark;
    /** The rows indexed whose stamp is at or after the watermark, with that stamp: no need to index them again. */
    private final Map<UUID, Long> indexedSinceWatermark = new HashMap<>();
    private CompletableFuture<Void> queued;
    /** Changes indexed since the last snapshot, and when that was. */
    private boolean dirty;
    private long lastSnapshotNanos;
    private long rowsRead;

    SearchIndex(EntityManager em, ObjectMapper mapper, MeterRegistry meters,
            @ConfigProperty(name = "sudia.directory.search.index-path") Optional<String> configuredPath,
            @ConfigProperty(name = "sudia.directory.search.snapshot-interval", defaultValue = "60s") Duration snapshotInterval,
            @ConfigProperty(name = "sudia.directory.search.verify-snapshot", defaultValue = "true") boolean verifySnapshot,
            @ConfigProperty(name = "sudia.directory.search.await-at-start", defaultValue = "0s") Duration awaitAtStart) {
        this.em = em;
        this.mapper = mapper;
        this.configuredPath = configuredPath.filter(p -> !p.isBlank()).map(Path::of);
        this.snapshotInterval = snapshotInterval;
        this.verifySnapshot = verifySnapshot;
        this.awaitAtStart = awaitAtStart;
        this.indexed = Counter.builder("sudia.directory.search.indexed")
                .description("Organizations (re)indexed since the start, removals included").register(meters);
        Gauge.builder("sudia.directory.search.documents", this, index -> index.writer == null ? 0 : index.writer.getDocStats().numDocs)
                .description("Organizations in this instance's search index").register(meters);
        Gauge.builder("sudia.directory.search.ready", this, index -> index.state == State.READY ? 1 : 0)
                .description("1 once the search index holds the directory and answers searches").register(meters);
    }

    void start(@Observes StartupEvent startup) throws IOException {
        snapshots = configuredPath.isPresent();
        path = configuredPath.orElse(Files.createTempDirectory("sudia-directory-search"));
        Files.createDirectories(path);
        CompletableFuture<Void> loading = open();
        if (!awaitAtStart.isZero()) {
            try {
                loading.get(awaitAtStart.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Search index not loaded yet; the service starts and reports not ready until it is");
            }
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        try {
            close().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Search index not closed cleanly", e);
        }
        catchUpThread.shutdownNow();
        if (!snapshots && path != null) {
            try {
                deleteContents(path);
                Files.deleteIfExists(path);
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Search index directory not removed", e);
            }
        }
    }

    /** Loads the index (from its snapshot if usable, else from the table) on the catch-up thread. */
    CompletableFuture<Void> open() {
        closing = false;
        return CompletableFuture.runAsync(this::load, catchUpThread).whenComplete((done, failure) -> {
            if (failure != null && !closing && !catchUpThread.isShutdown()) {
                // The database unreachable, most likely: not ready meanwhile, and tried again.
                LOG.error("Search index not loaded; searches answer 503; trying again in 5 s", failure);
                CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS).execute(() -> {
                    if (!closing && !catchUpThread.isShutdown()) {
                        open();
                    }
                });
            }
        });
    }

    /** Takes a last snapshot (when a directory is configured) and closes the index, on the catch-up thread. */
    CompletableFuture<Void> close() {
        closing = true;
        return CompletableFuture.runAsync(() -> {
            State was = state;
            state = State.CLOSED;
            try {
                if (was == State.READY && snapshots) {
                    snapshot();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Search index snapshot not taken at close", e);
            }
            closeQuietly();
        }, catchUpThread);
    }

    State state() {
        return state;
    }

    Load lastLoad() {
        return lastLoad;
    }

    long openings() {
        return openings;
    }

    Path path() {
        return path;
    }

    private void load() {
        long started = System.nanoTime();
        rowsRead = 0;
        indexedSinceWatermark.clear();
        queued = null;
        try {
            database = QuarkusTransaction.requiringNew().call(this::databaseIdentity);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Search index not loaded: the database does not answer", e);
        }
        String format = format();
        String reason = "no snapshot directory configured";
        if (snapshots) {
            state = State.LOADING_SNAPSHOT;
            try {
                reason = openSnapshot(format);
            } catch (LockObtainFailedException e) {
                // Another process writes there: never rebuild over its files; this instance keeps its own, unsaved.
                LOG.errorf("Search index directory %s is in use by another process; this instance builds its index in a "
                        + "temporary directory, without a snapshot", path);
                closeQuietly();
                snapshots = false;
                try {
                    path = Files.createTempDirectory("sudia-directory-search");
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
                reason = "snapshot directory in use by another process";
            } catch (IOException | RuntimeException e) {
                reason = "snapshot unreadable (" + e + ")";
            }
            if (reason == null) {
                try {
                    catchUp();
                    searchers.maybeRefreshBlocking();
                    finishLoad(new Load(true, "snapshot", rowsRead, millisSince(started)));
                    return;
                } catch (IOException | UncheckedIOException e) {
                    // A snapshot that opens but fails to take changes (a corrupt segment found late) is rebuilt too; a
                    // database that fails is not the snapshot's fault: the load fails and is tried again.
                    reason = "snapshot failed while catching up (" + e + ")";
                }
            }
            LOG.infof("Search index rebuilt from the table: %s", reason);
            closeQuietly();
        }
        state = State.REBUILDING;
        rowsRead = 0;
        try {
            deleteContents(path);
            openWriter(IndexWriterConfig.OpenMode.CREATE);
            watermark = 0;
            catchUp();
            // Built in one go, then changed a few rows at a time: merged into one segment, a search does its work per
            // segment (term lookups, scorers, sort comparators) once rather than for each of the tens the build left.
            writer.forceMerge(1);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finishLoad(new Load(false, reason, rowsRead, millisSince(started)));
    }

    private void finishLoad(Load load) {
        if (snapshots) {
            try {
                snapshot();
            } catch (IOException e) {
                LOG.warn("Search index snapshot not taken; the next catch-up tries again", e);
            }
        }
        openings++;
        lastLoad = load;
        state = State.READY;
        LOG.infof("Search index ready: %d organizations, %s, %d rows read, in %d ms (%s)", writer.getDocStats().numDocs,
                load.fromSnapshot() ? "from its snapshot" : "rebuilt", load.rowsRead(), load.millis(), path);
    }

    /** Opens the snapshot in the directory and takes its watermark; or says why it cannot be used. */
    private String openSnapshot(String format) throws IOException {
        directory = FSDirectory.open(path);
        if (!DirectoryReader.indexExists(directory)) {
            return "no snapshot in " + path;
        }
        SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
        Map<String, String> data = commit.getUserData();
        if (!format.equals(data.get(FORMAT_KEY))) {
            return "snapshot of format " + data.get(FORMAT_KEY) + ", this version writes " + format;
        }
        if (!database.equals(data.get(DATABASE_KEY))) {
            return "snapshot of database " + data.get(DATABASE_KEY) + ", this is " + database;
        }
        long snapshotWatermark = Long.parseLong(data.get(WATERMARK_KEY));
        long next = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select cast(cast(pg_snapshot_xmax(pg_current_snapshot()) as text) as bigint)")
                .getSingleResult()).longValue());
        if (snapshotWatermark > next) {
            // The database went back in time (restored from a backup): the snapshot may hold rows it no longer has.
            return "snapshot ahead of the database (watermark " + snapshotWatermark + ", next transaction " + next + ")";
        }
        if (verifySnapshot) {
            for (String file : commit.files(true)) {
                try (IndexInput input = directory.openInput(file, IOContext.READONCE)) {
                    CodecUtil.checksumEntireFile(input);
                }
            }
        }
        openWriter(IndexWriterConfig.OpenMode.APPEND);
        watermark = snapshotWatermark;
        return null;
    }

    private void openWriter(IndexWriterConfig.OpenMode mode) throws IOException {
        if (directory == null) {
            directory = FSDirectory.open(path);
        }
        Analyzer analyzer = new PerFieldAnalyzerWrapper(FrenchText.STEMMED,
                Map.of(SearchDocuments.NAME_WORDS, FrenchText.FOLDED));
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new RowOnlySimilarity())
                .setIndexSort(SearchDocuments.INDEX_ORDER).setOpenMode(mode);
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
    }

    /** Commits the index with the watermark it is complete up to: what a restart loads. */
    private void snapshot() throws IOException {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, format(), DATABASE_KEY, database,
                WATERMARK_KEY, Long.toString(watermark)).entrySet());
        writer.commit();
        dirty = false;
        lastSnapshotNanos = System.nanoTime();
    }

    private void closeQuietly() {
        facetState = null;
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
        } catch (IOException | RuntimeException e) {
            LOG.warn("Search index not closed cleanly", e);
        }
        searchers = null;
        writer = null;
        directory = null;
    }

    /**
     * This server and database, and the truncations of the table (TRUNCATE leaves no row to stamp): a snapshot of
     * another one (a recreated database, a truncated table) is not caught up but rebuilt.
     */
    private String databaseIdentity() {
        return (String) em.createNativeQuery("""
                select cast((select system_identifier from pg_control_system()) as text) || '/' || current_database()
                    || '/' || cast((select oid from pg_database where datname = current_database()) as text)
                    || '/' || cast((select max(epoch) from search_index_epoch) as text)""")
                .getSingleResult();
    }

    /**
     * What a snapshot must have been written by: this format version, this Lucene, and the very code that builds
     * and analyses documents (a hash of its bytecode), so that a release changing any of it rebuilds rather than
     * mixing documents of two shapes.
     */
    static String format() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Class<?> type : List.of(SearchDocuments.class, FrenchText.class, RowOnlySimilarity.class,
                    fr.sudia.directory.organization.OrganizationView.class)) {
                try (InputStream code = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                    if (code != null) {
                        digest.update(code.readAllBytes());
                    }
                }
            }
            return FORMAT_VERSION + "/lucene-" + Version.LATEST + "/"
                    + HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** After a commit that changed organizations, this instance's searches see the change before the answer leaves. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrganizationsChanged changed) {
        if (state != State.READY) {
            // The load under way, or the one to come, reads this commit too.
            return;
        }
        try {
            awaitCatchUp();
        } catch (RuntimeException e) {
            // The change is committed; the periodic catch-up will index it.
            LOG.warn("Search index not updated after commit; the next catch-up will", e);
        }
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodicCatchUp() {
        if (state == State.READY && !catchUpThread.isShutdown()) {
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
                        if (state == State.READY) {
                            catchUp();
                            maybeSnapshot();
                        }
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
            rowsRead += stamps.size();
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
            dirty = true;
            try {
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Commits a snapshot when changes were indexed and the last one is older than the interval. */
    private void maybeSnapshot() {
        if (snapshots && dirty && System.nanoTime() - lastSnapshotNanos >= snapshotInterval.toNanos()) {
            try {
                snapshot();
            } catch (IOException e) {
                LOG.warn("Search index snapshot not taken; the next catch-up tries again", e);
            }
        }
    }

    /**
     * (id, stamp) of the rows changed, and of the rows deleted outright, by transactions from the watermark on, a
     * batch after the given id. A row deleted then inserted again comes twice: indexing reads what the table holds.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> changedSince(UUID after) {
        if (watermark == 0) {
            // A rebuild reads every row into an empty index: in the primary key's order, each batch an index range.
            // The query below would sort the whole table at every batch of 500 (quadratic: 2,000 sorts of 1,000,000
            // rows at that size), as nothing is selective in it then.
            return em.createNativeQuery("""
                    select id, cast(cast(change_xid as text) as bigint) from organization
                    where id > :after order by id limit :batch""")
                    .setParameter("after", after).setParameter("batch", BATCH).getResultList();
        }
        return em.createNativeQuery("""
                select id, xid from (
                    select id, cast(cast(change_xid as text) as bigint) as xid from organization
                    where change_xid >= cast(cast(:watermark as text) as xid8) and id > :after
                    union all
                    select id, cast(cast(change_xid as text) as bigint) from organization_removal
                    where change_xid >= cast(cast(:watermark as text) as xid8) and id > :after
                ) changed
                order by id, xid limit :batch""")
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
        SearcherManager searchers = this.searchers;
        if (state != State.READY || searchers == null) {
            throw new ServiceUnavailableException("The search index is loading; retry in a few seconds.", 5L);
        }
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
