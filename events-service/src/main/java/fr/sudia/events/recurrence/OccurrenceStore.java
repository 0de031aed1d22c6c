package fr.sudia.events.recurrence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.sudia.events.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The expanded occurrences of events and the changes made to single occurrences. Occurrences are rewritten
 * with their event, up to a horizon, so that searching by date needs no expansion at read time.
 */
@ApplicationScoped
public class OccurrenceStore {

    private final EntityManager em;
    private final Clock clock;
    private final Duration horizon;

    OccurrenceStore(EntityManager em, Clock clock,
            @ConfigProperty(name = "sudia.events.expansion-horizon", defaultValue = "P730D") Duration horizon) {
        this.em = em;
        this.clock = clock;
        this.horizon = horizon;
    }

    /** One occurrence: its identity is the start the rule gave it ({@code originalStart}, RECURRENCE-ID). */
    public record Occurrence(Instant originalStart, Instant startsAt, Instant endsAt, boolean cancelled) {

        public boolean moved() {
            return !originalStart.equals(startsAt);
        }
    }

    /** What was changed on one occurrence: cancelled, or moved to other times. */
    public record Override(Instant originalStart, boolean cancelled, Instant startsAt, Instant endsAt, int sequence,
            Instant updatedAt) {
    }

    /** Every occurrence the event's rule (or its single date) gives, with the overrides applied. */
    public List<Occurrence> expand(Event event, List<Override> overrides) {
        return expand(event, overrides, clock.instant());
    }

    /** The same, as of the given time: occurrences are expanded up to that time plus the horizon. */
    List<Occurrence> expand(Event event, List<Override> overrides, Instant now) {
        Map<Instant, Override> byStart = overrides.stream()
                .collect(Collectors.toMap(Override::originalStart, Function.identity()));
        List<Occurrence> occurrences = new ArrayList<>();
        for (Instant[] slot : slots(event, now)) {
            Override change = byStart.get(slot[0]);
            if (change == null) {
                occurrences.add(new Occurrence(slot[0], slot[0], slot[1], event.status.name().equals("CANCELLED")));
            } else {
                occurrences.add(new Occurrence(slot[0], change.startsAt() == null ? slot[0] : change.startsAt(),
                        change.endsAt() == null ? slot[1] : change.endsAt(),
                        change.cancelled() || event.status.name().equals("CANCELLED")));
            }
        }
        return occurrences;
    }

    /** Whether the event's rule gives an occurrence starting at {@code originalStart}. */
    public boolean hasSlot(Event event, Instant originalStart) {
        return slots(event, clock.instant()).stream().anyMatch(slot -> slot[0].equals(originalStart));
    }

    private List<Instant[]> slots(Event event, Instant now) {
        if (!event.isRecurring()) {
            return List.<Instant[]>of(new Instant[] { event.startsAt, event.endsAt });
        }
        ZoneId zone = ZoneId.of(event.timeZone);
        ZonedDateTime seed = event.startsAt.atZone(zone);
        // Local-time length, so that an evening talk lasts two hours on both sides of a DST change.
        Duration localLength = Duration.between(seed.toLocalDateTime(), event.endsAt.atZone(zone).toLocalDateTime());
        Set<Instant> excluded = new HashSet<>();
        event.exdates.forEach(date -> excluded.add(Instant.parse(date)));
        Instant until = now.plus(horizon);
        if (until.isBefore(event.startsAt)) {
            until = event.startsAt.plus(horizon);
        }
        List<Instant[]> slots = new ArrayList<>();
        for (ZonedDateTime start : Recurrences.starts(event.rrule, seed, until)) {
            if (!excluded.contains(start.toInstant())) {
                LocalDateTime localEnd = start.toLocalDateTime().plus(localLength);
                slots.add(new Instant[] { start.toInstant(), localEnd.atZone(zone).toInstant() });
            }
        }
        return slots;
    }

    @Transactional(TxType.MANDATORY)
    public List<Override> overrides(UUID eventId) {
        List<Object[]> rows = em.createNativeQuery("""
                select original_start, cancelled, starts_at, ends_at, sequence, updated_at
                  from occurrence_override where event_id = ?1 order by original_start""", Object[].class)
                .setParameter(1, eventId).getResultList();
        return rows.stream().map(r -> new Override(instant(r[0]), (Boolean) r[1], instant(r[2]), instant(r[3]),
                ((Number) r[4]).intValue(), instant(r[5]))).toList();
    }

    @Transactional(TxType.MANDATORY)
    public void saveOverride(UUID eventId, Override change) {
        em.createNativeQuery("""
                insert into occurrence_override (event_id, original_start, cancelled, starts_at, ends_at, sequence, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (event_id, original_start) do update set cancelled = excluded.cancelled,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at, sequence = excluded.sequence,
                    updated_at = excluded.updated_at""")
                .setParameter(1, eventId).setParameter(2, change.originalStart()).setParameter(3, change.cancelled())
                .setParameter(4, change.startsAt()).setParameter(5, change.endsAt()).setParameter(6, change.sequence())
                .setParameter(7, change.updatedAt()).executeUpdate();
    }

    /** Rewrites the event's rows of the occurrence table from its rule and overrides. */
    @Transactional(TxType.MANDATORY)
    public void rewrite(Event event) {
        write(event, expand(event, overrides(event.id)));
    }

    /**
     * Adds the occurrences that the horizon, moved on to {@code now}, now reaches: an open-ended rule (the IA
     * Dates) keeps two years of occurrences ahead. Returns whether the event gained any.
     */
    @Transactional(TxType.MANDATORY)
    public boolean extend(Event event, Instant now) {
        List<Occurrence> expanded = expand(event, overrides(event.id), now);
        Instant stored = OccurrenceStore.instant(em.createNativeQuery(
                "select max(original_start) from occurrence where event_id = ?1").setParameter(1, event.id).getSingleResult());
        if (expanded.isEmpty() || (stored != null && !expanded.get(expanded.size() - 1).originalStart().isAfter(stored))) {
            return false;
        }
        write(event, expanded);
        return true;
    }

    private void write(Event event, List<Occurrence> expanded) {
        em.flush();
        em.createNativeQuery("delete from occurrence where event_id = ?1").setParameter(1, event.id).executeUpdate();
        for (Occurrence occurrence : expanded) {
            em.createNativeQuery("""
                    insert into occurrence (event_id, original_start, starts_at, ends_at, cancelled)
                    values (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, event.id).setParameter(2, occurrence.originalStart())
                    .setParameter(3, occurrence.startsAt()).setParameter(4, occurrence.endsAt())
                    .setParameter(5, occurrence.cancelled()).executeUpdate();
        }
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
