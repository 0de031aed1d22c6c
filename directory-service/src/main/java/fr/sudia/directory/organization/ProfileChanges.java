package fr.sudia.directory.organization;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The field-by-field difference between two versions of a profile, for the history. */
final class ProfileChanges {

    private static final Set<String> BOOKKEEPING = Set.of("id", "createdAt", "updatedAt", "moderationStatus",
            "changePending", "label");

    private ProfileChanges() {
    }

    static ObjectNode between(ObjectMapper mapper, OrganizationView before, OrganizationView after) {
        JsonNode from = before == null ? mapper.createObjectNode() : mapper.valueToTree(before);
        JsonNode to = mapper.valueToTree(after);
        ObjectNode changes = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = to.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode old = from.path(field.getKey());
            boolean same = old.equals(field.getValue()) || old.isMissingNode() && field.getValue().isNull();
            if (!BOOKKEEPING.contains(field.getKey()) && !same) {
                ObjectNode change = changes.putObject(field.getKey());
                change.set("from", old.isMissingNode() ? mapper.nullNode() : old);
                change.set("to", field.getValue());
            }
        }
        return changes;
    }
}
