package fr.sudia.events.recurrence;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/** RFC 5545 recurrence rules, parsed and expanded by ical4j. */
public final class Recurrences {

    /** The most occurrences one event may have within the expansion horizon. */
    public static final int MAX_OCCURRENCES = 500;

    /** A calendar of events, not of alarms: rules finer than daily are refused. */
    private static final Set<Frequency> ALLOWED = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY,
            Frequency.YEARLY);

    private Recurrences() {
    }

    /** Parses a rule such as {@code FREQ=MONTHLY;BYDAY=2TU}; an {@code RRULE:} prefix is accepted. */
    public static Recur<ZonedDateTime> parse(String rrule) {
        String rule = rrule.strip();
        if (rule.regionMatches(true, 0, "RRULE:", 0, 6)) {
            rule = rule.substring(6);
        }
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(rule);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an RFC 5545 RRULE: " + e.getMessage(), e);
        }
        if (recur.getFrequency() == null || !ALLOWED.contains(recur.getFrequency())) {
            throw new IllegalArgumentException("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        return recur;
    }

    public static boolean isValid(String rrule) {
        try {
            parse(rrule);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The rule in canonical form, as stored and written to the feed. */
    public static String normalize(String rrule) {
        return parse(rrule).toString();
    }

    /**
     * The starts of the occurrences from {@code seed} (the first occurrence, in the event's zone, so that a
     * 19:00 talk stays at 19:00 local time across daylight-saving changes) up to {@code until}.
     */
    public static List<ZonedDateTime> starts(String rrule, ZonedDateTime seed, Instant until) {
        ZonedDateTime end = until.atZone(seed.getZone());
        if (!end.isAfter(seed)) {
            return List.of(seed);
        }
        return parse(rrule).getDates(seed, seed, end, MAX_OCCURRENCES);
    }
}
