package fr.sudia.events.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What {@code events.attendance.v1} carries for one occurrence once it has ended (and again, with a higher
 * {@code revision}, when a late check-in changes it): counts only, never a person. The impact indicators are
 * computed from it.
 */
public record AttendanceRecorded(UUID eventId, Instant originalStart, Instant startsAt, Instant endsAt,
        String timeZone, String titleFr, UUID organizerId, UUID placeOrganizationId, String city,
        List<Integer> measures, List<String> tags, int revision, int capacity, Totals totals,
        List<ByAudience> byAudience, List<ByLevel> byLevel, List<ByCommune> byCommune, Instant recordedAt) {

    /**
     * Confirmed bookings and their seats, people present, confirmed seats nobody came for, seats still waitlisted
     * when it ended, and the girls declared by the groups that came (null when no group declared any).
     */
    public record Totals(int bookings, int registered, int present, int noShows, int waitlisted, Integer girlsDeclared) {
    }

    public record ByAudience(String audience, int registered, int present) {
    }

    /** Groups by level: how many groups, seats booked, people present, and girls where declared. */
    public record ByLevel(String level, int groups, int registered, int present, Integer girlsDeclared) {
    }

    /** Where people came from: the commune's INSEE code when given, else the postcode, and its department. */
    public record ByCommune(String commune, String department, int registered, int present) {
    }
}
