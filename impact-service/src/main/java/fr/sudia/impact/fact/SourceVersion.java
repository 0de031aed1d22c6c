package fr.sudia.impact.fact;

import java.time.OffsetDateTime;

/**
 * The version of a source record: a revision number (attendance) then an instant (the producer's changedAt,
 * updatedAt...). Versions compare by number, then instant; a version not newer than the one applied is skipped.
 */
public record SourceVersion(long number, OffsetDateTime at) implements Comparable<SourceVersion> {

    public static SourceVersion at(OffsetDateTime at) {
        return new SourceVersion(0, at);
    }

    @Override
    public int compareTo(SourceVersion other) {
        int byNumber = Long.compare(number, other.number);
        return byNumber != 0 ? byNumber : at.toInstant().compareTo(other.at.toInstant());
    }
}
