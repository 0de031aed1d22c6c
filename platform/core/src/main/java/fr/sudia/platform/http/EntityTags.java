package fr.sudia.platform.http;

import java.util.Arrays;

/** Conditional requests on public reads (RFC 9110, 13.1.2). */
public final class EntityTags {

    private EntityTags() {
    }

    /**
     * Whether an {@code If-None-Match} header names the representation whose strong tag is {@code tag} (unquoted):
     * {@code *}, or the tag among a comma-separated list, weak or strong (the weak comparison this header uses).
     */
    public static boolean noneMatchNames(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String quoted = "\"" + tag + "\"";
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(candidate -> candidate.startsWith("W/") ? candidate.substring(2) : candidate)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals(quoted));
    }
}
