package fr.sudia.events.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import fr.sudia.events.event.Event;
import fr.sudia.events.organizer.Organizer;
import fr.sudia.events.recurrence.OccurrenceStore.Occurrence;
import fr.sudia.events.search.EventSearch.FeedEvent;

/** The occurrences of feed events in date order, as Atom entries and JSON Feed items list them. */
record FeedItems(List<Item> items) {

    static final int MAX_ITEMS = 500;

    record Item(Event event, Organizer organizer, Occurrence occurrence) {

        /** Stable per event, and per occurrence of a recurring one. */
        String id() {
            return event.isRecurring() ? event.id + "/" + occurrence.originalStart() : event.id.toString();
        }
    }

    static FeedItems of(List<FeedEvent> events) {
        return new FeedItems(events.stream()
                .flatMap(fe -> fe.occurrences().stream().map(o -> new Item(fe.event(), fe.organizer(), o)))
                .sorted(Comparator.comparing((Item i) -> i.occurrence().startsAt()).thenComparing(Item::id))
                .limit(MAX_ITEMS).toList());
    }

    Instant lastChange() {
        return items.stream().map(i -> i.event().updatedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }
}
