package fr.sudia.events.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import fr.sudia.events.event.Event;
import fr.sudia.events.recurrence.OccurrenceStore;
import fr.sudia.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Publishes the attendance of each occurrence with bookings once it has ended, and again when a late check-in
 * (an offline device sending its scans) changes it. One instance does it at a time (an advisory lock); the
 * attendance event and the slot's "published" mark commit together through the outbox.
 */
@ApplicationScoped
public class AttendancePublisher {

    public static final String TOPIC = "events.attendance.v1";
    static final String TYPE = "fr.sudia.events.attendance.recorded";
    private static final long LOCK = 0x5D1A_E7E7_0000_0002L;
    private static final int BATCH = 100;

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    AttendancePublisher(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "{sudia.events.attendance.every}", delayed = "{sudia.events.attendance.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        publishDue();
    }

    /** Publishes every ended occurrence whose attendance is new or changed; returns how many. */
    public int publishDue() {
        int total = 0;
        while (true) {
            Integer published = QuarkusTransaction.requiringNew().call(() -> publishBatch(clock.instant()));
            if (published == null) {
                return total; // another instance holds the lock
            }
            total += published;
            if (published < BATCH) {
                return total;
            }
        }
    }

    private Integer publishBatch(Instant now) {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return null;
        }
        List<Object[]> due = em.createNativeQuery("""
                select s.event_id, s.original_start, o.starts_at, o.ends_at, s.capacity, s.attendance_revision
                  from registration_slot s join occurrence o using (event_id, original_start)
                 where o.ends_at <= ?1 and not s.cancelled and not o.cancelled
                   and (s.attendance_published_at is null or s.attendance_stale)
                 order by o.ends_at limit ?2""", Object[].class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        for (Object[] row : due) {
            UUID eventId = (UUID) row[0];
            Instant originalStart = OccurrenceStore.instant(row[1]);
            Event event = Event.<Event>findById(eventId);
            RegistrationSetup setup = RegistrationSetup.findById(eventId);
            int capacity = row[4] != null ? ((Number) row[4]).intValue() : setup == null ? 0 : setup.capacity;
            int revision = ((Number) row[5]).intValue() + 1;
            List<Registration> registrations = Registration.list("eventId = ?1 and originalStart = ?2 and status <> ?3",
                    eventId, originalStart, BookingStatus.CANCELLED);
            AttendanceRecorded attendance = count(event, setup, originalStart, OccurrenceStore.instant(row[2]),
                    OccurrenceStore.instant(row[3]), capacity, revision, registrations, now);
            outbox.publish(TOPIC, TYPE, eventId + "/" + originalStart, attendance);
            em.createNativeQuery("""
                    update registration_slot set attendance_revision = ?3, attendance_published_at = ?4,
                           attendance_stale = false where event_id = ?1 and original_start = ?2""")
                    .setParameter(1, eventId).setParameter(2, originalStart).setParameter(3, revision)
                    .setParameter(4, now).executeUpdate();
        }
        return due.size();
    }

    /** The counts of one occurrence: pure arithmetic over its bookings. */
    static AttendanceRecorded count(Event event, RegistrationSetup setup, Instant originalStart, Instant startsAt,
            Instant endsAt, int capacity, int revision, List<Registration> registrations, Instant now) {
        int bookings = 0;
        int registered = 0;
        int present = 0;
        int waitlisted = 0;
        Integer girls = null;
        Map<String, int[]> byAudience = new TreeMap<>();
        Map<String, int[]> byLevel = new TreeMap<>();
        Map<String, Integer> girlsByLevel = new TreeMap<>();
        Map<String, int[]> byCommune = new TreeMap<>();
        Map<String, String> departments = new TreeMap<>();
        for (Registration r : registrations) {
            if (r.status == BookingStatus.WAITLISTED) {
                waitlisted += r.seats;
                continue;
            }
            int came = r.present == null ? 0 : r.present;
            bookings++;
            registered += r.seats;
            present += came;
            add(byAudience, r.audience.name(), r.seats, came);
            if (r.kind == BookingKind.GROUP) {
                int[] level = add(byLevel, r.level.name(), r.seats, came);
                level[2]++;
                if (r.girls != null && came > 0) {
                    girls = (girls == null ? 0 : girls) + r.girls;
                    girlsByLevel.merge(r.level.name(), r.girls, Integer::sum);
                }
            }
            String commune = r.communeCode != null ? r.communeCode : r.postcode;
            if (commune != null) {
                add(byCommune, commune, r.seats, came);
                departments.put(commune, r.department);
            }
        }
        List<AttendanceRecorded.ByAudience> audiences = new ArrayList<>();
        byAudience.forEach((k, v) -> audiences.add(new AttendanceRecorded.ByAudience(k, v[0], v[1])));
        List<AttendanceRecorded.ByLevel> levels = new ArrayList<>();
        byLevel.forEach((k, v) -> levels.add(new AttendanceRecorded.ByLevel(k, v[2], v[0], v[1], girlsByLevel.get(k))));
        List<AttendanceRecorded.ByCommune> communes = new ArrayList<>();
        byCommune.forEach((k, v) -> communes.add(new AttendanceRecorded.ByCommune(k, departments.get(k), v[0], v[1])));
        return new AttendanceRecorded(event.id, originalStart, startsAt, endsAt, event.timeZone, event.titleFr,
                event.organizerId, setup == null ? null : setup.placeOrganizationId, event.city,
                setup == null ? List.of() : List.copyOf(setup.measures), List.copyOf(event.tags), revision, capacity,
                new AttendanceRecorded.Totals(bookings, registered, present, registered - present, waitlisted, girls),
                audiences, levels, communes, now);
    }

    private static int[] add(Map<String, int[]> counts, String key, int registered, int present) {
        int[] count = counts.computeIfAbsent(key, k -> new int[3]);
        count[0] += registered;
        count[1] += present;
        return count;
    }
}
