package fr.sudia.events.feed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import fr.sudia.events.event.Event;
import fr.sudia.events.organizer.Organizer;
import fr.sudia.events.recurrence.OccurrenceStore.Occurrence;

/** Human-readable pieces shared by the Atom and JSON feeds. */
final class Texts {

    private Texts() {
    }

    static String title(Event e, boolean english) {
        return english && e.titleEn != null ? e.titleEn : e.titleFr;
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
            text.append(english ? "Organized by " : "Organisé par ").append(organizer.name);
            if (organizer.labelled()) {
                text.append(english ? " (Sud IA label)" : " (label Sud IA)");
            }
            text.append(". ");
        }
        String description = english && e.descriptionEn != null ? e.descriptionEn : e.descriptionFr;
        if (description != null) {
            text.append(description);
        }
        return text.toString().strip();
    }
}
