package fr.sudia.events.feed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventStatus;
import fr.sudia.events.organizer.Organizer;
import fr.sudia.platform.text.ControlCharacters;

/** A schema.org Event as JSON-LD, for the pages that show an event (search engines read it). */
public final class JsonLd {

    /** Escaped so that the document can be pasted as it is into a script element of an HTML page. */
    private static final CharacterEscapes FOR_SCRIPT_ELEMENT = new CharacterEscapes() {

        private static final long serialVersionUID = 1L;

        private final int[] escapes;

        {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[] { '<', '>', '&', '\'' }) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // U+2028 and U+2029 end a line in older JavaScript engines.
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    };

    private JsonLd() {
    }

    /**
     * The JSON text with {@code <}, {@code >}, {@code &} and {@code '} as JSON unicode escapes: a value holding
     * {@code </script>} or {@code <!--} cannot end the script element it is embedded in.
     */
    public static byte[] write(ObjectMapper mapper, Map<String, Object> json) {
        try {
            return mapper.writer().with(FOR_SCRIPT_ELEMENT).writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> of(Event e, Organizer organizer, String publicUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "Event");
        json.put("@id", publicUrl + "/api/events/v1/events/" + e.id);
        json.put("name", ControlCharacters.cleanLine(e.titleFr));
        if (e.descriptionFr != null) {
            json.put("description", ControlCharacters.clean(e.descriptionFr));
        }
        json.put("inLanguage", "fr");
        json.put("startDate", local(e, e.startsAt));
        json.put("endDate", local(e, e.endsAt));
        if (e.previousStart != null) {
            json.put("previousStartDate", local(e, e.previousStart));
        }
        json.put("eventStatus", e.status.schemaOrg);
        json.put("eventAttendanceMode", e.attendanceMode.schemaOrg);
        Object place = place(e);
        if (place != null) {
            json.put("location", place);
        }
        if (Texts.link(e.url) != null) {
            json.put("url", Texts.link(e.url));
        }
        if (organizer != null && organizer.name != null && !organizer.removed) {
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("@type", "Organization");
            org.put("name", ControlCharacters.cleanLine(organizer.name));
            if (Texts.link(organizer.website) != null) {
                org.put("url", Texts.link(organizer.website));
            }
            json.put("organizer", org);
        }
        if (e.priceEur != null || e.registrationUrl != null || e.status == EventStatus.FULL) {
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("@type", "Offer");
            if (e.priceEur != null) {
                offer.put("price", e.priceEur.toPlainString());
                offer.put("priceCurrency", "EUR");
            }
            if (Texts.link(e.registrationUrl) != null) {
                offer.put("url", Texts.link(e.registrationUrl));
            }
            offer.put("availability", e.status == EventStatus.FULL ? "https://schema.org/SoldOut" : "https://schema.org/InStock");
            json.put("offers", offer);
        }
        if (e.capacity != null) {
            json.put("maximumAttendeeCapacity", e.capacity);
        }
        if (!e.audiences.isEmpty()) {
            json.put("audience", e.audiences.stream().map(a -> Map.of("@type", "Audience", "audienceType", a)).toList());
        }
        if (!e.tags.isEmpty()) {
            json.put("keywords", String.join(", ", Texts.tags(e)));
        }
        return json;
    }

    private static Object place(Event e) {
        Map<String, Object> venue = null;
        if (e.city != null) {
            venue = new LinkedHashMap<>();
            venue.put("@type", "Place");
            venue.put("name", ControlCharacters.cleanLine(e.venueName != null ? e.venueName : e.city));
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            if (e.venueAddress != null) {
                address.put("streetAddress", ControlCharacters.cleanLine(e.venueAddress));
            }
            address.put("addressLocality", ControlCharacters.cleanLine(e.city));
            address.put("addressCountry", "FR");
            venue.put("address", address);
            if (e.latitude != null) {
                venue.put("geo", Map.of("@type", "GeoCoordinates", "latitude", e.latitude, "longitude", e.longitude));
            }
        }
        String onlineUrl = Texts.link(e.onlineUrl);
        Map<String, Object> online = onlineUrl == null ? null : Map.of("@type", "VirtualLocation", "url", onlineUrl);
        if (venue != null && online != null) {
            return java.util.List.of(venue, online);
        }
        return venue != null ? venue : online;
    }

    private static String local(Event e, java.time.Instant instant) {
        return e.allDay ? instant.atZone(ZoneId.of(e.timeZone)).toLocalDate().toString()
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.of(e.timeZone)));
    }
}
