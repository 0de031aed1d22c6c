package fr.sudia.directory.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an import JSON file: an array of objects with the fields of an organization profile (the body of
 * {@code POST /api/v1/organizations}); list fields are arrays. Other fields (id, label, createdAt... of an
 * export) are ignored. A row's line is where its object starts.
 */
final class JsonRows {

    private JsonRows() {
    }

    static List<RawRow> read(ObjectMapper mapper, byte[] body) {
        List<RawRow> rows = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ImportFileException("The file is empty.");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new ImportFileException("A JSON import is an array of organizations: [{\"name\": ...}, ...].");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = mapper.readTree(parser);
                rows.add(toRow(node, line, rows.size() + 1));
            }
            if (parser.nextToken() != null) {
                throw new ImportFileException("The JSON file has content after its array, line "
                        + parser.currentTokenLocation().getLineNr() + ".");
            }
        } catch (JsonProcessingException e) {
            throw new ImportFileException("The file is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImportFileException("The JSON file cannot be read: " + e.getMessage());
        }
        return rows;
    }

    private static RawRow toRow(JsonNode node, int line, int rowNumber) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<RowViolation> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new RowViolation("row", "must be a JSON object with the organization's fields"));
            return new RawRow(line, rowNumber, values, errors);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String column = ImportColumns.ALL.contains(field.getKey()) ? field.getKey() : null;
            if (column == null) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (ImportColumns.LISTS.contains(column) && value.isArray()) {
                List<String> items = new ArrayList<>();
                boolean scalars = true;
                for (JsonNode item : value) {
                    scalars &= item.isValueNode() && !item.isNull();
                    items.add(item.asText());
                }
                if (scalars) {
                    values.put(column, items);
                } else {
                    errors.add(new RowViolation(column, "must be an array of strings"));
                }
            } else if (value.isValueNode()) {
                values.put(column, value.asText());
            } else {
                errors.add(new RowViolation(column, ImportColumns.LISTS.contains(column)
                        ? "must be an array of strings" : "must be a single value, not an object or an array"));
            }
        }
        return new RawRow(line, rowNumber, values, errors);
    }
}
