package fr.sudia.events.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventStatus;
import fr.sudia.events.recurrence.OccurrenceStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The reminder the day before: each confirmed registration of an occurrence starting within
 * {@code sudia.events.registration.reminder-before} (1 day) is told once (events.registration-notices.v1, type
 * {@code .reminder}). The rows are claimed with {@code for update skip locked} and marked in the same transaction as
 * the outbox row, so that replicas running the job at once share the work and nobody is reminded twice. Who booked
 * within that last day just had the confirmation and is not reminded.
 */
@ApplicationScoped
public class RegistrationReminders {

    private static final int BATCH = 200;

    private final EntityManager em;
    private final RegistrationDesk desk;
    private final Clock clock;
    private final Duration before;

    RegistrationReminders(EntityManager em, RegistrationDesk desk, Clock clock, RegistrationConfig config) {
        this.em = em;
        this.desk = desk;
        this.clock = clock;
        this.before = config.reminderBefore();
    }

    @Scheduled(every = "{sudia.events.registration.reminder-every}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        remindDue();
    }

    /** Publishes the reminders now due; returns how many. */
    public int remindDue() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::remindBatch);
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int remindBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select r.id, o.original_start, o.starts_at, o.ends_at from registration r
                  join occurrence o on o.event_id = r.event_id and o.original_start = r.original_start
                 where r.status = 'CONFIRMED' and r.reminded_at is null and r.email is not null and not o.cancelled
                   and o.starts_at > ?1 and o.starts_at <= ?2 and r.created_at < o.starts_at - cast(?3 as interval)
                 order by o.starts_at, r.id
                 limit ?4
                 for update of r skip locked""")
                .setParameter(1, now.atOffset(java.time.ZoneOffset.UTC))
                .setParameter(2, now.plus(before).atOffset(java.time.ZoneOffset.UTC))
                .setParameter(3, before.toSeconds() + " seconds").setParameter(4, BATCH).getResultList();
        for (Object[] row : rows) {
            Registration registration = Registration.findById((UUID) row[0]);
            Event event = Event.findById(registration.eventId);
            registration.remindedAt = now;
            if (event == null || !event.isPublic() || event.status == EventStatus.CANCELLED
                    || event.status == EventStatus.POSTPONED) {
                continue;
            }
            desk.remind(event, new RegistrationDesk.Occurrence(OccurrenceStore.instant(row[1]), OccurrenceStore.instant(row[2]),
                    OccurrenceStore.instant(row[3]), false), registration);
        }
        return rows.size();
    }
}
