package fr.sudia.events.feed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventStatus;
import fr.sudia.events.organizer.Organizer;

/** A schema.org Event as JSON-LD, for the pages that show an event (search engines read it). */
public final class JsonLd {

    private JsonLd() {
    }

    public static Map<String, Object> of(Event e, Organizer organizer, String publicUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "Event");
        json.put("@id", publicUrl + "/api/events/v1/events/" + e.id);
        json.put("name", e.titleFr);
        if (e.descriptionFr != null) {
            json.put("description", e.descriptionFr);
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
        if (e.url != null) {
            json.put("url", e.url);
        }
        if (organizer != null && organizer.name != null && !organizer.removed) {
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("@type", "Organization");
            org.put("name", organizer.name);
            if (organizer.website != null) {
                org.put("url", organizer.website);
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
            if (e.registrationUrl != null) {
                offer.put("url", e.registrationUrl);
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
            json.put("keywords", String.join(", ", e.tags));
        }
        return json;
    }

    private static Object place(Event e) {
        Map<String, Object> venue = null;
        if (e.city != null) {
            venue = new LinkedHashMap<>();
            venue.put("@type", "Place");
            venue.put("name", e.venueName != null ? e.venueName : e.city);
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            if (e.venueAddress != null) {
                address.put("streetAddress", e.venueAddress);
            }
            address.put("addressLocality", e.city);
            address.put("addressCountry", "FR");
            venue.put("address", address);
            if (e.latitude != null) {
                venue.put("geo", Map.of("@type", "GeoCoordinates", "latitude", e.latitude, "longitude", e.longitude));
            }
        }
        Map<String, Object> online = e.onlineUrl == null ? null : Map.of("@type", "VirtualLocation", "url", e.onlineUrl);
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
