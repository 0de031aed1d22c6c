package fr.sudia.events.event;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.platform.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * Records every version of an event (who, when, what changed, the content) and gives an earlier version's content
 * back, so that an editor can roll back a trusted partner's edit of a published event.
 */
@ApplicationScoped
public class EventHistory {

    /** Fields of the view that follow from others or from bookkeeping, not from what someone wrote. */
    private static final Set<String> DERIVED = Set.of("id", "createdAt", "updatedAt", "sequence", "organizer",
            "attendanceMode", "previousStart");

    private final ObjectMapper mapper;
    private final CurrentActor actor;
    private final Clock clock;

    EventHistory(ObjectMapper mapper, CurrentActor actor, Clock clock) {
        this.mapper = mapper;
        this.actor = actor;
        this.clock = clock;
    }

    /** Records the event as it now is, at its current version. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(Event event, String action) {
        record(event, action, actor.subject());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void recordRestore(Event event, long restoredFrom) {
        record(event, "RESTORED", actor.subject()).restoredFrom = restoredFrom;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    EventRevision record(Event event, String action, String who) {
        ObjectNode snapshot = snapshot(event);
        JsonNode before = EventRevision.latest(event.id).map(r -> read(r.snapshot)).orElse(mapper.createObjectNode());
        EventRevision revision = new EventRevision();
        revision.eventId = event.id;
        revision.version = event.version;
        revision.at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        revision.actor = who;
        revision.action = action;
        revision.changes = between(before, snapshot).toString();
        revision.snapshot = snapshot.toString();
        revision.persist();
        return revision;
    }

    /** The content the event had at {@code version}, as an input to replace it with. */
    EventInput contentAt(UUID eventId, long version) {
        EventRevision revision = EventRevision.find(eventId, version).orElseThrow(() -> new NotFoundException(
                "Event " + eventId + " has no version " + version + "."));
        try {
            return mapper.readerFor(EventInput.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(revision.snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot of event " + eventId + " version " + version, e);
        }
    }

    JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable event history", e);
        }
    }

    private ObjectNode snapshot(Event event) {
        ObjectNode node = mapper.valueToTree(EventView.of(event, null));
        DERIVED.forEach(node::remove);
        node.put("organizerId", event.organizerId == null ? null : event.organizerId.toString());
        return node;
    }

    private ObjectNode between(JsonNode from, JsonNode to) {
        ObjectNode changes = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = to.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode old = from.path(field.getKey());
            if (!old.equals(field.getValue()) && !(old.isMissingNode() && field.getValue().isNull())) {
                ObjectNode change = changes.putObject(field.getKey());
                change.set("from", old.isMissingNode() ? mapper.nullNode() : old);
                change.set("to", field.getValue());
            }
        }
        return changes;
    }
}
