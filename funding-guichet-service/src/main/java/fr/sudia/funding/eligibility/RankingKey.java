package fr.sudia.funding.eligibility;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * {@link EligibilityService#RANKING} packed into one number, so that ranking a catalogue is comparing longs: from
 * the high bits down, the verdict, the failed, unknown and (more first) passed conditions, closed after open, the
 * days to the next deadline (none last), and the scheme's position in the catalogue sorted by name then id, which
 * also finds the scheme again from its key.
 */
final class RankingKey {

    private static final int COUNT_BITS = 5;
    private static final int MAX_COUNT = (1 << COUNT_BITS) - 1;
    private static final int DEADLINE_BITS = 20;
    private static final long NO_DEADLINE = (1L << DEADLINE_BITS) - 1;
    private static final int POSITION_BITS = 24;
    static final int MAX_POSITION = (1 << POSITION_BITS) - 1;
    private static final int SCHEME_PART_BITS = 1 + DEADLINE_BITS + POSITION_BITS;

    static {
        if (EligibilityMatcher.CONDITION_COUNT > MAX_COUNT) {
            throw new IllegalStateException("More conditions than a ranking key can count");
        }
    }

    private RankingKey() {
    }

    /** @param position the scheme's place in the catalogue sorted by name, then id ({@link CatalogueSnapshot#BY_NAME}) */
    static long of(Verdict verdict, int failed, int unknown, int passed, boolean open, LocalDate nextDeadline,
            LocalDate today, int position) {
        return of(verdict, failed, unknown, passed, schemePart(open, nextDeadline, today, position));
    }

    /** The key from a profile's outcomes and the scheme's part of it, which changes once a day. */
    static long of(Verdict verdict, int failed, int unknown, int passed, long schemePart) {
        long key = verdict.ordinal();
        key = key << COUNT_BITS | failed;
        key = key << COUNT_BITS | unknown;
        key = key << COUNT_BITS | (MAX_COUNT - passed);
        return key << SCHEME_PART_BITS | schemePart;
    }

    /** The low bits of the key, which depend on the scheme and the day only: closed, days to deadline, position. */
    static long schemePart(boolean open, LocalDate nextDeadline, LocalDate today, int position) {
        long deadline = nextDeadline == null ? NO_DEADLINE
                : Math.min(ChronoUnit.DAYS.between(today, nextDeadline), NO_DEADLINE - 1);
        long part = open ? 0 : 1;
        part = part << DEADLINE_BITS | deadline;
        return part << POSITION_BITS | position;
    }

    static int position(long key) {
        return (int) (key & MAX_POSITION);
    }
}
