package fr.sudia.events.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.sudia.events.event.Audience;
import fr.sudia.events.event.EventStatus;

/**
 * A search of public events, normalized: two requests that ask the same thing have equal queries and the
 * same {@link #key()}, which names their cached representations and their ETags.
 *
 * @param from occurrences ending after this instant
 * @param to occurrences starting before this instant, or no bound
 * @param relative whether the window depends on the current time (upcoming, this week): then content changes
 *        with time, and the window's start is part of the ETag
 */
public record EventQuery(Instant from, Instant to, boolean relative, String text, List<String> cities, Near near,
        List<Audience> audiences, List<String> tags, List<UUID> organizers, UUID series, List<EventStatus> statuses,
        Attendance attendance) {

    public record Near(double latitude, double longitude, double radiusKm) {
    }

    public enum Attendance {
        IN_PERSON, ONLINE
    }

    public String key() {
        return String.join("|", String.valueOf(from), String.valueOf(to), String.valueOf(text), cities.toString(),
                String.valueOf(near), audiences.toString(), tags.toString(), organizers.toString(),
                String.valueOf(series), statuses.toString(), String.valueOf(attendance));
    }
}
