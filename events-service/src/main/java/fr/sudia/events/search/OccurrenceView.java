package fr.sudia.events.search;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.events.event.EventView;

/** One occurrence of a public event: a single event has one, a recurring one many. */
@Schema(name = "Occurrence", description = "One occurrence of an event, within the requested window")
public record OccurrenceView(
        @Schema(description = "The start the rule gave this occurrence: its identity (RECURRENCE-ID)") Instant originalStart,
        Instant startsAt,
        Instant endsAt,
        @Schema(description = "This occurrence (or the whole event) is cancelled") boolean cancelled,
        EventView event) {
}
