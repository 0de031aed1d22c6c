package fr.sudia.events.recurrence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import fr.sudia.events.event.Event;
import fr.sudia.events.feed.CalendarVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Moves the expansion horizon on: occurrences are stored up to two years ahead when an event is written, so every
 * night the recurring events get the occurrences that have come within reach since. One instance does it at a
 * time (an advisory lock); the feeds change version when any event gained occurrences.
 */
@ApplicationScoped
public class HorizonExtension {

    private static final Logger LOG = Logger.getLogger(HorizonExtension.class);
    private static final long LOCK = 0x5D1A_E7E7_0000_0001L; // any number, the same in every instance
    private static final int BATCH = 200;

    private final EntityManager em;
    private final OccurrenceStore occurrences;
    private final CalendarVersion calendarVersion;
    private final Clock clock;

    HorizonExtension(EntityManager em, OccurrenceStore occurrences, CalendarVersion calendarVersion, Clock clock) {
        this.em = em;
        this.occurrences = occurrences;
        this.calendarVersion = calendarVersion;
        this.clock = clock;
    }

    @Scheduled(cron = "{sudia.events.horizon-extension.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        int extended = extendAll(clock.instant());
        if (extended > 0) {
            LOG.infof("Expansion horizon moved on: %d recurring events gained occurrences", extended);
        }
    }

    /** Extends every recurring event to {@code now} plus the horizon; returns how many gained occurrences. */
    public int extendAll(Instant now) {
        int extended = 0;
        UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's order
        while (true) {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> extendBatch(from, now));
            if (batch == null) {
                return extended; // another instance holds the lock: it does the work
            }
            extended += batch.extended();
            if (batch.last() == null) {
                return extended;
            }
            after = batch.last();
        }
    }

    private record Batch(UUID last, int extended) {
    }

    private Batch extendBatch(UUID after, Instant now) {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                .getSingleResult();
        if (!locked) {
            return null;
        }
        List<Event> events = Event.find("rrule is not null and id > ?1 order by id", after).page(0, BATCH).list();
        int extended = 0;
        for (Event event : events) {
            if (occurrences.extend(event, now)) {
                extended++;
            }
        }
        if (extended > 0) {
            calendarVersion.bump();
        }
        return new Batch(events.size() < BATCH ? null : events.get(events.size() - 1).id, extended);
    }
}
