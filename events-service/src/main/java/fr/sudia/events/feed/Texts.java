package fr.sudia.events.feed;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import fr.sudia.events.event.Event;
import fr.sudia.events.organizer.Organizer;
import fr.sudia.events.recurrence.OccurrenceStore.Occurrence;
import fr.sudia.platform.text.ControlCharacters;
import fr.sudia.platform.validation.HttpUrls;

/** Human-readable pieces shared by the feeds, cleaned of what a stored row may hold and no document may carry. */
final class Texts {

    private Texts() {
    }

    static String title(Event e, boolean english) {
        return ControlCharacters.cleanLine(english && e.titleEn != null ? e.titleEn : e.titleFr);
    }

    /** The link when it is an absolute http(s) URL; null for anything else (a row stored before the checks). */
    static String link(String url) {
        return HttpUrls.parse(url).map(URI::toString).orElse(null);
    }

    /** The event's own link, else its page in the API. */
    static String link(Event e, String publicUrl) {
        String own = link(e.url);
        return own != null ? own : publicUrl + "/api/events/v1/events/" + e.id;
    }

    /** Tags as one line each, the empty ones left out. */
    static List<String> tags(Event e) {
        return e.tags.stream().map(ControlCharacters::cleanLine).filter(tag -> tag != null && !tag.isBlank()).toList();
    }

    static String when(Occurrence o, Event e, boolean english) {
        Locale locale = english ? Locale.ENGLISH : Locale.FRENCH;
        DateTimeFormatter format = e.allDay ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale);
        return format.format(o.startsAt().atZone(ZoneId.of(e.timeZone)));
    }

    static String summary(Event e, Organizer organizer, boolean english) {
        StringBuilder text = new StringBuilder();
        String location = IcsFeed.location(e);
        if (location != null) {
            text.append(location).append(". ");
        }
        if (organizer != null && organizer.name != null && !organizer.removed) {
            text.append(english ? "Organized by " : "Organisé par ").append(ControlCharacters.cleanLine(organizer.name));
            if (organizer.labelled()) {
                text.append(english ? " (Sud IA label)" : " (label Sud IA)");
            }
            text.append(". ");
        }
        String description = ControlCharacters.clean(english && e.descriptionEn != null ? e.descriptionEn : e.descriptionFr);
        if (description != null) {
            text.append(description);
        }
        return text.toString().strip();
    }
}
