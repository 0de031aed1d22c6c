package fr.sudia.platform.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: its items and the opaque cursor of the next page ({@code null} on the last page).
 */
public record Page<T>(List<T> items,
        @Schema(nullable = true, description = "Pass back as cursor for the next page; null on the last page") String nextCursor) {

    /** The default and the largest {@code limit} a list accepts. */
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * Builds a page from a keyset query that fetched {@code limit + 1} rows: the extra row only tells that
     * there is a next page, whose cursor is the sort key of the last row kept.
     */
    public static <E, T> Page<T> fromKeyset(List<E> rows, int limit, Function<E, List<String>> sortKey,
            Function<E, T> toItem) {
        boolean hasMore = rows.size() > limit;
        List<E> kept = hasMore ? rows.subList(0, limit) : rows;
        String next = hasMore ? Cursor.encode(sortKey.apply(kept.get(kept.size() - 1))) : null;
        return new Page<>(kept.stream().map(toItem).toList(), next);
    }
}
