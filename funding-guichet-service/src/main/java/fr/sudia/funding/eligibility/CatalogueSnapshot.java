package fr.sudia.funding.eligibility;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import fr.sudia.funding.scheme.Pillar;
import fr.sudia.funding.scheme.Scheme;
import fr.sudia.funding.scheme.SchemeCatalogue;
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

    public record Entry(Scheme scheme, EligibilityConditions conditions, List<Pillar> pillars) {
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
                .map(scheme -> new Entry(scheme, catalogue.conditionsOf(scheme),
                        scheme.pillars.stream().map(Pillar::valueOf).sorted().toList()))
                .toList();
        loaded.set(new Loaded(stamp, entries, checkedAt));
        return entries;
    }
}
