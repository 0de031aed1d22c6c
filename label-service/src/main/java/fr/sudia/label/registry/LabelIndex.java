package fr.sudia.label.registry;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.sudia.label.label.Label;
import fr.sudia.label.label.LabelCategory;
import fr.sudia.label.label.LabelStatus;
import fr.sudia.label.label.LabelLifecycle.LabelCommitted;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Every label's public state, in memory, so that verification, badge, their 304 revalidation and the registry's
 * search cost no database query. Changes made by this instance are applied as soon as they commit; changes made by other instances are picked
 * up by a periodic read of the rows changed since the last one (see README, "Several instances").
 */
@ApplicationScoped
public class LabelIndex {

    /** Re-read a little before the last change seen: a transaction may commit after a later-stamped one. */
    private static final Duration OVERLAP = Duration.ofMinutes(2);

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Registry order: holder name ignoring case and accents, then number (unique, so the order is total). */
    static final Comparator<Entry> ORDER = Comparator.comparing(Entry::key).thenComparing(entry -> entry.label().number());

    private final ConcurrentHashMap<String, LabelSnapshot> byNumber = new ConcurrentHashMap<>();
    /** Every label in registry order, replaced whole on each change (labels change rarely, searches are frequent). */
    private volatile Entry[] ordered = new Entry[0];
    private volatile OffsetDateTime lastChangeSeen;

    @Inject
    Clock clock;

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
            merge(LabelSnapshot.of(label, (String) row[1], (String) row[2]));
            if (latest == null || label.updatedAt.isAfter(latest)) {
                latest = label.updatedAt;
            }
        }
        // Never ahead of this instance's clock: a row stamped in the future (another instance's clock running ahead)
        // must not make the next reads skip the changes other instances stamp at the right time.
        OffsetDateTime now = OffsetDateTime.now(clock);
        lastChangeSeen = latest != null && latest.isAfter(now) ? now : latest;
        if (!rows.isEmpty()) {
            reorder();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) LabelCommitted change) {
        put(LabelSnapshot.of(change.label(), change.holderName(), change.holderCity()));
    }

    private void put(LabelSnapshot snapshot) {
        merge(snapshot);
        reorder();
    }

    private void merge(LabelSnapshot snapshot) {
        byNumber.merge(snapshot.number(), snapshot, (held, fresh) -> fresh.version() >= held.version() ? fresh : held);
    }

    /** Synchronized: a reorder started later always reads a later state of the map, and is the one kept. */
    private synchronized void reorder() {
        Entry[] entries = byNumber.values().stream().map(label -> new Entry(fold(label.holderName()),
                label.holderCity() == null ? null : fold(label.holderCity()), label))
                .toArray(Entry[]::new);
        Arrays.sort(entries, ORDER);
        ordered = entries;
    }

    /**
     * The registry's search: labels of the given status (current ones only until their last valid day) whose holder
     * name holds {@code q} and whose city is {@code city} (both ignoring case and accents), in registry order, from
     * after the cursor's position, at most {@code max}.
     */
    public List<Entry> search(LabelStatus status, LabelCategory category, String q, String city, LocalDate today,
            String afterKey, String afterNumber, int max) {
        Entry[] entries = ordered;
        int from = 0;
        if (afterKey != null) {
            int at = Arrays.binarySearch(entries, new Entry(afterKey, null, probe(afterNumber)), ORDER);
            from = at >= 0 ? at + 1 : -at - 1;
        }
        String part = q == null || q.isBlank() ? null : fold(q.strip());
        String cityKey = city == null || city.isBlank() ? null : fold(city.strip());
        Predicate<LabelSnapshot> wanted = label -> label.status() == status
                && (!status.isCurrent() || !label.validUntil().isBefore(today))
                && (category == null || label.category() == category);
        List<Entry> found = new ArrayList<>(Math.min(max, 32));
        for (int i = from; i < entries.length && found.size() < max; i++) {
            Entry entry = entries[i];
            LabelSnapshot label = entry.label();
            if (wanted.test(label) && (part == null || entry.key().contains(part))
                    && (cityKey == null || cityKey.equals(entry.cityKey()))) {
                found.add(entry);
            }
        }
        return found;
    }

    /** Lower case without accents: "Numérica" and "NUMERICA" are the same name to a visitor. */
    public static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static LabelSnapshot probe(String number) {
        return new LabelSnapshot(number, null, "", null, null, null, null, null, null, null, 0);
    }

    /** A label with its sort key (the folded holder name) and its folded city. */
    public record Entry(String key, String cityKey, LabelSnapshot label) {
    }

    public Optional<LabelSnapshot> find(String number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    public int size() {
        return byNumber.size();
    }

    /** Every label, in registry order (the open-data register). */
    public List<LabelSnapshot> all() {
        return Arrays.stream(ordered).map(Entry::label).toList();
    }
}
