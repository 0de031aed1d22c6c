package fr.sudia.platform.text;

/**
 * The characters no text of the platform may hold: C0 controls other than tab and line feed, a carriage return
 * not followed by a line feed, an unpaired surrogate, and the non-characters U+FFFE and U+FFFF. PostgreSQL refuses
 * NUL in text, XML 1.0 forbids the others, and a lone CR breaks the line structure of iCalendar and CSV.
 * Requests that carry one are refused ({@link #firstForbidden}); documents written from stored data drop them
 * ({@link #clean}), since rows stored before the check may still hold one.
 */
public final class ControlCharacters {

    /** What a violation says, for every service alike. */
    public static final String MESSAGE = "must not contain control characters (U+0000 to U+001F other than tab and "
            + "line breaks, or a carriage return without a line feed)";

    private ControlCharacters() {
    }

    /** The index of the first forbidden character, or -1. */
    public static int firstForbidden(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c == '\t' || c == '\n') {
                    continue;
                }
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    continue;
                }
                return i;
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isClean(CharSequence text) {
        return text == null || firstForbidden(text) < 0;
    }

    /**
     * The text without forbidden characters, its line breaks as LF (a lone CR becomes one); the same instance when
     * there is nothing to change, null for null.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        if (firstForbidden(text) < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                clean.append('\n');
                if (i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c < 0x20 && c != '\t' && c != '\n' || c == '\uFFFE' || c == '\uFFFF') {
                continue;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /** {@link #clean} on one line: every line break and tab becomes a space (titles, names, places). */
    public static String cleanLine(String text) {
        String clean = clean(text);
        if (clean == null || clean.indexOf('\n') < 0 && clean.indexOf('\t') < 0) {
            return clean;
        }
        return clean.replace('\n', ' ').replace('\t', ' ');
    }
}
