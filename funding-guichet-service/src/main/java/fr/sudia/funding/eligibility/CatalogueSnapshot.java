package fr.sudia.funding.eligibility;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import fr.sudia.funding.scheme.Level;
import fr.sudia.funding.scheme.Pillar;
import fr.sudia.funding.scheme.Scheme;
import fr.sudia.funding.scheme.SchemeCatalogue;
import fr.sudia.funding.scheme.SchemeKind;
import fr.sudia.funding.scheme.SchemeStatus;
import fr.sudia.funding.scheme.SchemesChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

/**
 * The published schemes with their parsed conditions, kept in memory for matching. A commit that changes a scheme
 * in this instance marks the copy stale at once ({@link SchemesChanged}); changes made by another instance are
 * found by a stamp of the table (count, last change, sum of versions: one aggregate over a few thousand rows),
 * read once a second in the background rather than on every call, so that matching touches no database.
 */
@ApplicationScoped
public class CatalogueSnapshot {

    /** How long a copy is trusted without looking at the table: the delay before another instance's change shows. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    /** Beyond this age a call reads the table itself rather than count on the background recheck. */
    static final Duration TRUST_LIMIT = Duration.ofSeconds(10);

    /**
     * A published scheme as matching reads it: plain values copied from the entity (no field access through
     * Hibernate's interceptors), deadlines sorted.
     */
    public record Entry(UUID id, String name, String provider, Level level, SchemeKind kind, List<Pillar> pillars,
            LocalDate opensOn, boolean ongoing, List<LocalDate> deadlines,
            EligibilityMatcher.CompiledConditions conditions) {

        static Entry of(Scheme scheme, EligibilityConditions conditions) {
            return new Entry(scheme.id, scheme.name, scheme.provider, scheme.level, scheme.kind,
                    scheme.pillars.stream().map(Pillar::valueOf).sorted().toList(), scheme.opensOn, scheme.ongoing,
                    scheme.deadlines.stream().sorted().toList(), EligibilityMatcher.CompiledConditions.of(conditions));
        }

        /** As {@link Scheme#nextDeadline}: the first deadline on or after today. */
        public LocalDate nextDeadline(LocalDate today) {
            for (LocalDate deadline : deadlines) {
                if (!deadline.isBefore(today)) {
                    return deadline;
                }
            }
            return null;
        }

        /** As {@link Scheme#isOpen} for a published scheme. */
        public boolean isOpen(LocalDate today) {
            return (opensOn == null || !opensOn.isAfter(today)) && (ongoing || nextDeadline(today) != null);
        }
    }

    /** The order of the entries, the last levels of the ranking (in Java's order, not the database's collation). */
    static final Comparator<Entry> BY_NAME = Comparator.comparing(Entry::name).thenComparing(Entry::id);

    private record Loaded(String stamp, List<Entry> entries, long checkedAt) {
    }

    private final EntityManager entityManager;
    private final SchemeCatalogue catalogue;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>(new Loaded("", List.of(), 0));
    private volatile boolean stale = true;

    CatalogueSnapshot(EntityManager entityManager, SchemeCatalogue catalogue) {
        this.entityManager = entityManager;
        this.catalogue = catalogue;
    }

    /** The published schemes sorted by {@link #BY_NAME}, reading the table first if the copy may be out of date (blocking). */
    public List<Entry> published() {
        Loaded current = loaded.get();
        if (!stale && System.nanoTime() - current.checkedAt() < RECHECK.toNanos()) {
            return current.entries();
        }
        return QuarkusTransaction.requiringNew().call(this::reload);
    }

    /**
     * The published schemes if the copy can be used without reading the table, else null: lets a caller on the
     * event loop match in place, and go to a worker thread only after a change made here. Another instance's
     * changes are found by {@link #recheck()}, in the background, so that no call waits for the stamp.
     */
    public List<Entry> trusted() {
        Loaded current = loaded.get();
        return !stale && System.nanoTime() - current.checkedAt() < TRUST_LIMIT.toNanos() ? current.entries() : null;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recheck() {
        if (System.nanoTime() - loaded.get().checkedAt() >= RECHECK.toNanos()) {
            QuarkusTransaction.requiringNew().call(this::reload);
        }
    }

    /**
     * Whether each entry is open on a day, its next deadline, and its part of the ranking key: they change once a
     * day, so they are worked out once for a day and a loaded catalogue, not for every scheme on every call.
     */
    public record Dates(List<Entry> entries, LocalDate day, boolean[] open, long[] rankingPart) {

        static Dates of(List<Entry> entries, LocalDate day) {
            boolean[] open = new boolean[entries.size()];
            long[] rankingPart = new long[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                open[i] = entries.get(i).isOpen(day);
                rankingPart[i] = RankingKey.schemePart(open[i], entries.get(i).nextDeadline(day), day, i);
            }
            return new Dates(entries, day, open, rankingPart);
        }
    }

    private volatile Dates lastDates;

    /** The dates of {@code entries} (as returned by {@link #published()}) on {@code day}. */
    public Dates datesOf(List<Entry> entries, LocalDate day) {
        Dates dates = lastDates;
        if (dates == null || dates.entries() != entries || !dates.day().equals(day)) {
            dates = Dates.of(entries, day);
            lastDates = dates;
        }
        return dates;
    }

    /** After a commit that changed schemes: the next call reads the table. */
    void invalidate(@Observes(during = TransactionPhase.AFTER_SUCCESS) SchemesChanged changed) {
        stale = true;
    }

    private List<Entry> reload() {
        stale = false; // before reading: a change committed from here on marks the copy stale again
        long checkedAt = System.nanoTime();
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select count(*), max(updated_at), coalesce(sum(version), 0) from scheme").getSingleResult();
        String stamp = row[0] + "|" + row[1] + "|" + row[2];
        Loaded current = loaded.get();
        if (current.stamp().equals(stamp)) {
            loaded.set(new Loaded(stamp, current.entries(), checkedAt));
            return current.entries();
        }
        List<Entry> entries = Scheme.<Scheme>list("status", SchemeStatus.PUBLISHED).stream()
                .map(scheme -> Entry.of(scheme, catalogue.conditionsOf(scheme)))
                .sorted(BY_NAME)
                .toList();
        if (entries.size() > RankingKey.MAX_POSITION) {
            throw new IllegalStateException(entries.size() + " published schemes: more than a ranking key can place");
        }
        loaded.set(new Loaded(stamp, entries, checkedAt));
        return entries;
    }
}
