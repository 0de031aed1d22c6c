package fr.sudia.events.feed;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventView;
import fr.sudia.platform.text.ControlCharacters;

/** JSON Feed 1.1 (jsonfeed.org): one item per occurrence, the event's details in the {@code _event} extension. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl, String language, List<Item> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String url, String title, @JsonProperty("content_text") String contentText,
            @JsonProperty("date_published") Instant datePublished, @JsonProperty("date_modified") Instant dateModified,
            List<String> tags, @JsonProperty("_event") Details event) {
    }

    /** What a calendar widget needs of the occurrence, beyond JSON Feed's own fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Details(String eventId, Instant startsAt, Instant endsAt, boolean allDay, String timeZone, String status,
            boolean cancelled, String city, String venue, String onlineUrl, String attendanceMode,
            EventView.OrganizerView organizer,
            @JsonProperty("originalStart") Instant originalStart,
            /** true when the occurrence is booked on the platform (the widget's feeds/bookings/), else absent. */
            Boolean registration) {
    }

    /** The organizer as the directory announced it, cleaned as the rest of the feed. */
    private static EventView.OrganizerView organizer(Event e, FeedItems.Item item) {
        EventView.OrganizerView view = EventView.OrganizerView.of(e.organizerId, item.organizer());
        return new EventView.OrganizerView(view.id(), ControlCharacters.cleanLine(view.name()), Texts.link(view.website()),
                view.sudIaLabel(), ControlCharacters.cleanLine(view.labelNumber()));
    }

    static JsonFeed of(FeedItems items, String publicUrl, String selfUrl, boolean english) {
        return new JsonFeed("https://jsonfeed.org/version/1.1",
                english ? "Région Sud AI events" : "Événements IA de la Région Sud", publicUrl, selfUrl,
                english ? "en" : "fr", items.items().stream().map(item -> {
                    Event e = item.event();
                    return new Item(item.id(), Texts.link(e, publicUrl),
                            Texts.title(e, english), Texts.summary(e, item.organizer(), english),
                            e.publishedAt != null ? e.publishedAt : e.createdAt, e.updatedAt, Texts.tags(e),
                            new Details(e.id.toString(), item.occurrence().startsAt(), item.occurrence().endsAt(),
                                    e.allDay, e.timeZone, e.status.name(), item.occurrence().cancelled(),
                                    ControlCharacters.cleanLine(e.city), ControlCharacters.cleanLine(e.venueName),
                                    Texts.link(e.onlineUrl), e.attendanceMode.name(),
                                    e.organizerId == null ? null : organizer(e, item), item.occurrence().originalStart(),
                                    e.registrationOnPlatform ? Boolean.TRUE : null));
                }).toList());
    }
}
