package fr.sudia.events.search;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import fr.sudia.events.event.Audience;
import fr.sudia.events.event.EventStatus;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;

/**
 * The filters shared by the event search and the feeds, as received: taken as strings and checked here, so
 * that every bad value is a 400 problem naming its parameter (JAX-RS would answer a failed conversion of a
 * query parameter with a bare 404).
 */
public class QueryParameters {

    /** Dates without a time are days in the region's zone. */
    public static final ZoneId REGION_ZONE = ZoneId.of("Europe/Paris");
    static final int MAX_TEXT = 200;
    static final int MAX_VALUES = 20;
    static final long MAX_WINDOW_DAYS = 800;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    @QueryParam("when")
    @Parameter(description = "A window relative to now: `upcoming` (the default when neither from nor to is given: "
            + "occurrences not yet over), `this-week` (until next Monday, Europe/Paris) or `this-month`",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "upcoming", "this-week", "this-month" }))
    public String when;

    @QueryParam("from")
    @Parameter(description = "Occurrences ending after this date (a day, Europe/Paris) or instant", example = "2026-02-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Occurrences starting before this date (a day, Europe/Paris, excluded) or instant",
            example = "2026-03-01")
    public String to;

    @QueryParam("q")
    @Parameter(description = "Free text in French, on titles, descriptions, venue, city and tags; at most 200 characters",
            example = "santé")
    public String q;

    @QueryParam("city")
    @Parameter(description = "City of the venue, ignoring case; repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    public List<String> city;

    @QueryParam("near")
    @Parameter(description = "A point `latitude,longitude`; with `radiusKm`, events whose venue is that close",
            example = "43.6163,7.0686")
    public String near;

    @QueryParam("radiusKm")
    @Parameter(description = "Radius around `near`, in km (default 20, at most 500)", example = "20")
    public String radiusKm;

    @QueryParam("audience")
    @Parameter(description = "Audience; repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Audience.class))
    public List<String> audience;

    @QueryParam("tag")
    @Parameter(description = "Topic tag; repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    public List<String> tag;

    @QueryParam("organizer")
    @Parameter(description = "Organizer id (directory organization); repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class))
    public List<String> organizer;

    @QueryParam("series")
    @Parameter(description = "Series id: the editions of one series", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public String series;

    @QueryParam("status")
    @Parameter(description = "Event status; repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = EventStatus.class))
    public List<String> status;

    @QueryParam("attendance")
    @Parameter(description = "`in-person`: events with a venue; `online`: events one can follow online",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "in-person", "online" }))
    public String attendance;

    public EventQuery toQuery(Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, false);
        boolean relative = false;
        if (when != null) {
            if (from != null || to != null) {
                throw new BadRequestException("when: give either when, or from and to.");
            }
            relative = true;
            LocalDate today = now.atZone(REGION_ZONE).toLocalDate();
            start = now;
            switch (when) {
                case "upcoming" -> end = null;
                case "this-week" -> end = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(REGION_ZONE).toInstant();
                case "this-month" -> end = today.with(TemporalAdjusters.firstDayOfNextMonth()).atStartOfDay(REGION_ZONE).toInstant();
                default -> throw new BadRequestException("when: must be upcoming, this-week or this-month, not \""
                        + sanitize(when) + "\".");
            }
        } else if (start == null) {
            relative = true;
            start = now;
        }
        if (end != null && !end.isAfter(start)) {
            throw new BadRequestException("to: must be after from.");
        }
        if (end != null && ChronoUnit.DAYS.between(start, end) > MAX_WINDOW_DAYS) {
            throw new BadRequestException("to: a window spans at most " + MAX_WINDOW_DAYS + " days.");
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && (text.length() > MAX_TEXT || CONTROL.matcher(text).find())) {
            throw new BadRequestException("q: at most " + MAX_TEXT + " characters, without control characters.");
        }
        return new EventQuery(start, end, relative, text,
                values("city", city, c -> c.strip().toLowerCase(Locale.ROOT)), near(),
                values("audience", audience, v -> enumValue("audience", Audience.class, v)),
                values("tag", tag, t -> t.strip().toLowerCase(Locale.ROOT)),
                values("organizer", organizer, v -> uuid("organizer", v)),
                series == null ? null : uuid("series", series),
                values("status", status, v -> enumValue("status", EventStatus.class, v)),
                attendance());
    }

    private EventQuery.Near near() {
        if (near == null) {
            if (radiusKm != null) {
                throw new BadRequestException("radiusKm: needs near.");
            }
            return null;
        }
        String[] parts = near.split(",");
        try {
            double latitude = Double.parseDouble(parts[0].strip());
            double longitude = Double.parseDouble(parts[1].strip());
            double radius = radiusKm == null ? 20 : Double.parseDouble(radiusKm.strip());
            if (parts.length != 2 || Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || !(radius > 0)
                    || radius > 500) {
                throw new NumberFormatException();
            }
            return new EventQuery.Near(latitude, longitude, radius);
        } catch (RuntimeException e) {
            throw new BadRequestException("near/radiusKm: near is \"latitude,longitude\" in degrees, radiusKm a number "
                    + "of km above 0 and at most 500.");
        }
    }

    private EventQuery.Attendance attendance() {
        if (attendance == null) {
            return null;
        }
        return switch (attendance) {
            case "in-person" -> EventQuery.Attendance.IN_PERSON;
            case "online" -> EventQuery.Attendance.ONLINE;
            default -> throw new BadRequestException("attendance: must be in-person or online, not \""
                    + sanitize(attendance) + "\".");
        };
    }

    private static <T> List<T> values(String name, List<String> raw, Function<String, T> convert) {
        if (raw == null) {
            return List.of();
        }
        List<String> given = raw.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).filter(v -> !v.isBlank())
                .toList();
        if (given.size() > MAX_VALUES) {
            throw new BadRequestException(name + ": at most " + MAX_VALUES + " values.");
        }
        List<T> values = new ArrayList<>();
        for (String value : given) {
            if (value.length() > MAX_TEXT) {
                throw new BadRequestException(name + ": a value has at most " + MAX_TEXT + " characters.");
            }
            T converted = convert.apply(value);
            if (!values.contains(converted)) {
                values.add(converted);
            }
        }
        return values.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }

    private static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + ": unknown value \"" + sanitize(value) + "\"; one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + ": \"" + sanitize(value) + "\" is not an id.");
        }
    }

    /** A date (the day's start in Europe/Paris) or an ISO instant with an offset. */
    static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(REGION_ZONE).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + ": \"" + sanitize(value)
                    + "\" is neither a date (2026-02-12) nor an instant (2026-02-12T09:00:00Z).");
        }
    }

    static String sanitize(String value) {
        String clean = CONTROL.matcher(value).replaceAll("?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
