package fr.sudia.events.event;

import java.time.Instant;

/**
 * Fired (synchronously, inside the cancelling transaction) when one occurrence, or with {@code originalStart} null
 * every coming occurrence, of an event is cancelled: whoever holds bookings of it acts in the same transaction.
 */
public record OccurrencesCancelled(Event event, Instant originalStart) {
}
