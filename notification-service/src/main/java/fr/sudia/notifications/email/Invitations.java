package fr.sudia.notifications.email;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The iCalendar invitation attached to a registration's emails (RFC 5545, iTIP RFC 5546): METHOD:REQUEST when a seat
 * is held, METHOD:CANCEL with the same UID and a higher SEQUENCE when it is not any more, so that calendar apps update
 * the one entry. Times in UTC; text escaped and lines folded at 75 octets.
 */
public final class Invitations {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Invitations() {
    }

    public record Event(String uid, String summary, OffsetDateTime start, OffsetDateTime end, String location,
            String description, String organizerEmail, String attendeeEmail, String attendeeName) {
    }

    public static String request(Event event, Instant stamp) {
        return calendar("REQUEST", "CONFIRMED", 0, event, stamp);
    }

    public static String cancel(Event event, Instant stamp) {
        return calendar("CANCEL", "CANCELLED", 1, event, stamp);
    }

    private static String calendar(String method, String status, int sequence, Event event, Instant stamp) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//Sud IA//notification-service//FR");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:" + method);
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + text(event.uid()));
        lines.add("DTSTAMP:" + UTC.format(stamp));
        lines.add("SEQUENCE:" + sequence);
        lines.add("STATUS:" + status);
        lines.add("DTSTART:" + UTC.format(event.start()));
        lines.add("DTEND:" + UTC.format(event.end() != null ? event.end() : event.start().plusHours(1)));
        lines.add("SUMMARY:" + text(event.summary()));
        if (event.location() != null && !event.location().isBlank()) {
            lines.add("LOCATION:" + text(event.location()));
        }
        if (event.description() != null) {
            lines.add("DESCRIPTION:" + text(event.description()));
        }
        lines.add("ORGANIZER:mailto:" + event.organizerEmail());
        lines.add("ATTENDEE;CN=" + param(event.attendeeName() == null ? event.attendeeEmail() : event.attendeeName())
                + ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:" + event.attendeeEmail());
        lines.add("END:VEVENT");
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            fold(line, out);
        }
        return out.toString();
    }

    /** TEXT value escaping (RFC 5545 3.3.11); control characters dropped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7f) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A parameter value: quoted, without the characters a quoted value may not hold. */
    static String param(String value) {
        return "\"" + value.replaceAll("[\"\\p{Cntrl}]", "") + "\"";
    }

    /** Folds a content line at 75 octets (UTF-8), never inside a character; CRLF line ends. */
    static void fold(String line, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < line.length();) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
