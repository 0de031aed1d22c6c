package fr.sudia.directory.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** A checked organization search: the text, the filters (empty list = no filter), the point, the order. */
public record SearchRequest(
        String q,
        List<String> kinds,
        List<String> sectors,
        List<String> strategicSectors,
        List<String> techniques,
        List<String> departments,
        List<String> cities,
        List<String> headcountBands,
        Boolean labelled,
        Integer foundedAfter,
        Point near,
        Double radiusKm,
        Sort sort,
        int limit) {

    public enum Sort {
        RELEVANCE, NAME, DISTANCE
    }

    public record Point(double latitude, double longitude) {
    }

    /**
     * Identifies the search apart from its page size: a cursor carries it, so that a cursor is only accepted
     * by the search that issued it (another q, filter or order would make its position meaningless).
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (matchKey() + "\u001e" + sort.name()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What decides which organizations match, whatever their order: two searches with the same key find the same rows. */
    public String matchKey() {
        return String.join("\u001e", String.valueOf(q).toLowerCase(Locale.ROOT), sorted(kinds),
                sorted(sectors), sorted(strategicSectors), sorted(techniques), sorted(departments),
                sorted(cities.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList()), sorted(headcountBands),
                String.valueOf(labelled), String.valueOf(foundedAfter), String.valueOf(near), String.valueOf(radiusKm));
    }

    private static String sorted(List<String> values) {
        return String.join(",", values.stream().sorted().toList());
    }
}
