package fr.sudia.funding.eligibility;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Sets of enum constants as the matcher wants them. */
final class EnumSets {

    private EnumSets() {
    }

    /**
     * The same constants in their declared order, as an {@link EnumSet} (membership and inclusion are bit tests,
     * which matters when a set is checked for every scheme of the catalogue). A set holding null stays a set in
     * the same order, nulls first, so that validation reports them.
     */
    static <E extends Enum<E>> Set<E> ordered(Set<E> values) {
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            return Set.of();
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            return values.stream().sorted(Comparator.nullsFirst(Comparator.naturalOrder()))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return EnumSet.copyOf(values);
    }

    /** The constants as the bits of their ordinals; 0 for none (or null). */
    static long mask(Collection<? extends Enum<?>> values) {
        long mask = 0;
        if (values != null) {
            for (Enum<?> value : values) {
                mask |= bit(value);
            }
        }
        return mask;
    }

    static long bit(Enum<?> value) {
        if (value == null) {
            return 0;
        }
        if (value.ordinal() >= Long.SIZE) {
            throw new IllegalStateException(value.getDeclaringClass().getSimpleName() + " has too many constants for a bit mask");
        }
        return 1L << value.ordinal();
    }
}
