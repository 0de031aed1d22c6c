package fr.sudia.funding.eligibility;

import java.time.Duration;
import java.time.LocalDate;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

/**
 * The published schemes with their parsed conditions, kept in memory for matching. A commit that changes a scheme
 * in this instance marks the copy stale at once ({@link SchemesChanged}); changes made by another instance are
 * found by a stamp of the table (count, last change, sum of versions: one aggregate over a few thousand rows),
 * read at most once a second rather than on every call, so that matching touches no database.
 */
@ApplicationScoped
public class CatalogueSnapshot {

    /** How long a copy is trusted without looking at the table: the delay before another instance's change shows. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    /**
     * A published scheme as matching reads it: plain values copied from the entity (no field access through
     * Hibernate's interceptors), deadlines sorted.
     */
    public record Entry(UUID id, String name, String provider, Level level, SchemeKind kind, List<Pillar> pillars,
            LocalDate opensOn, boolean ongoing, List<LocalDate> deadlines, EligibilityConditions conditions) {

        static Entry of(Scheme scheme, EligibilityConditions conditions) {
            return new Entry(scheme.id, scheme.name, scheme.provider, scheme.level, scheme.kind,
                    scheme.pillars.stream().map(Pillar::valueOf).sorted().toList(), scheme.opensOn, scheme.ongoing,
                    scheme.deadlines.stream().sorted().toList(), conditions);
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

    public List<Entry> published() {
        Loaded current = loaded.get();
        if (!stale && System.nanoTime() - current.checkedAt() < RECHECK.toNanos()) {
            return current.entries();
        }
        return QuarkusTransaction.requiringNew().call(this::reload);
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
        List<Entry> entries = Scheme.<Scheme>list("status = ?1 order by id", SchemeStatus.PUBLISHED).stream()
                .map(scheme -> Entry.of(scheme, catalogue.conditionsOf(scheme)))
                .toList();
        loaded.set(new Loaded(stamp, entries, checkedAt));
        return entries;
    }
}
