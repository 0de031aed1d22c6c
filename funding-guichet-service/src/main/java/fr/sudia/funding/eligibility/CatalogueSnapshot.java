package fr.sudia.funding.eligibility;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import fr.sudia.funding.scheme.Scheme;
import fr.sudia.funding.scheme.SchemeCatalogue;
import fr.sudia.funding.scheme.SchemeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The published schemes with their parsed conditions, kept in memory for matching. Each call checks a stamp
 * of the table (count, last change, sum of versions: one index-free aggregate over a few thousand rows) and
 * reloads only when another write, here or on another instance, changed it.
 */
@ApplicationScoped
public class CatalogueSnapshot {

    public record Entry(Scheme scheme, EligibilityConditions conditions) {
    }

    private record Loaded(String stamp, List<Entry> entries) {
    }

    private final EntityManager entityManager;
    private final SchemeCatalogue catalogue;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>(new Loaded("", List.of()));

    CatalogueSnapshot(EntityManager entityManager, SchemeCatalogue catalogue) {
        this.entityManager = entityManager;
        this.catalogue = catalogue;
    }

    @Transactional
    public List<Entry> published() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select count(*), max(updated_at), coalesce(sum(version), 0) from scheme").getSingleResult();
        String stamp = row[0] + "|" + row[1] + "|" + row[2];
        Loaded current = loaded.get();
        if (current.stamp().equals(stamp)) {
            return current.entries();
        }
        List<Entry> entries = Scheme.<Scheme>list("status = ?1 order by id", SchemeStatus.PUBLISHED).stream()
                .map(scheme -> new Entry(scheme, catalogue.conditionsOf(scheme)))
                .toList();
        loaded.set(new Loaded(stamp, entries));
        return entries;
    }
}
