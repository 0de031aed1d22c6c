package fr.sudia.label.registry;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.sudia.label.label.Label;
import fr.sudia.label.label.LabelLifecycle.LabelCommitted;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Every label's public state, in memory, so that verification, badge and their 304 revalidation cost no database
 * query. Changes made by this instance are applied as soon as they commit; changes made by other instances are picked
 * up by a periodic read of the rows changed since the last one (see README, "Several instances").
 */
@ApplicationScoped
public class LabelIndex {

    /** Re-read a little before the last change seen: a transaction may commit after a later-stamped one. */
    private static final Duration OVERLAP = Duration.ofMinutes(2);

    private final ConcurrentHashMap<String, LabelSnapshot> byNumber = new ConcurrentHashMap<>();
    private volatile OffsetDateTime lastChangeSeen;

    void load(@Observes StartupEvent startup) {
        refresh();
    }

    @Scheduled(every = "${sudia.label.index.refresh-every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refresh();
    }

    /** Reads the rows changed since the last refresh (all of them the first time). */
    public void refresh() {
        OffsetDateTime since = lastChangeSeen == null ? null : lastChangeSeen.minus(OVERLAP);
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> {
            var query = Panache.getEntityManager().createQuery(
                    "select l, o.name, o.city from Label l join KnownOrganization o on o.id = l.organizationId"
                            + (since == null ? "" : " where l.updatedAt > :since"), Object[].class);
            if (since != null) {
                query.setParameter("since", since);
            }
            return query.getResultList();
        });
        OffsetDateTime latest = lastChangeSeen;
        for (Object[] row : rows) {
            Label label = (Label) row[0];
            put(LabelSnapshot.of(label, (String) row[1], (String) row[2]));
            if (latest == null || label.updatedAt.isAfter(latest)) {
                latest = label.updatedAt;
            }
        }
        lastChangeSeen = latest;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) LabelCommitted change) {
        put(LabelSnapshot.of(change.label(), change.holderName(), change.holderCity()));
    }

    private void put(LabelSnapshot snapshot) {
        byNumber.merge(snapshot.number(), snapshot, (held, fresh) -> fresh.version() >= held.version() ? fresh : held);
    }

    public Optional<LabelSnapshot> find(String number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    public int size() {
        return byNumber.size();
    }
}
