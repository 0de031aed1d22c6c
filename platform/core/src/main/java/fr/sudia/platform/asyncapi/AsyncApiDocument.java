package fr.sudia.platform.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * A service's AsyncAPI 3.0 document, assembled from {@code asyncapi.yaml} at the root of its class path: every
 * {@code $ref} to a relative file ({@code ./contracts/<topic>.json}, {@code ./asyncapi/...yaml}, optionally with a
 * {@code #/json/pointer}) is replaced by that class-path resource, its own {@code #/...} references inlined. The
 * topics' JSON Schemas ({@code contracts/}) stay the one source of truth of the payloads; the served document is
 * self-contained.
 */
public final class AsyncApiDocument {

    public static final String TEMPLATE = "asyncapi.yaml";
    /**
     * What every service does on Kafka through platform/core itself (answer the privacy requests): its channels,
     * operations and messages are added to every document, each unless the service's template has one of that name.
     */
    public static final String PLATFORM_PART = "asyncapi/privacy.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private AsyncApiDocument() {
    }

    /** The assembled document of the service whose class path {@code loader} reads. */
    public static JsonNode assemble(ClassLoader loader) {
        ObjectNode template = (ObjectNode) read(loader, TEMPLATE).deepCopy();
        JsonNode platform = read(loader, PLATFORM_PART);
        for (String section : List.of("channels", "operations")) {
            merge(template, section, platform.path(section));
        }
        ObjectNode components = template.has("components") ? (ObjectNode) template.get("components")
                : template.putObject("components");
        merge(components, "messages", platform.path("components").path("messages"));
        return resolve(loader, template, template, new ArrayList<>());
    }

    private static void merge(ObjectNode parent, String section, JsonNode added) {
        ObjectNode target = parent.has(section) ? (ObjectNode) parent.get(section) : parent.putObject(section);
        added.fields().forEachRemaining(entry -> {
            if (!target.has(entry.getKey())) {
                target.set(entry.getKey(), entry.getValue());
            }
        });
    }

    public static String toYaml(JsonNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(JsonNode document) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Topic addresses of the channels, by the action ({@code send}, {@code receive}) of their operations. */
    public static Map<String, List<String>> topicsByAction(JsonNode document) {
        List<String> send = new ArrayList<>();
        List<String> receive = new ArrayList<>();
        document.path("operations").forEach(operation -> {
            String channel = operation.path("channel").path("$ref").asText();
            String name = channel.substring(channel.lastIndexOf('/') + 1);
            String address = document.path("channels").path(name).path("address").asText();
            ("send".equals(operation.path("action").asText()) ? send : receive).add(address);
        });
        return Map.of("send", send.stream().distinct().sorted().toList(),
                "receive", receive.stream().distinct().sorted().toList());
    }

    /**
     * Replaces the external references of {@code node}; {@code root} is the file {@code node} comes from, whose
     * internal references ({@code #/...}) are inlined unless it is the template itself (the AsyncAPI document keeps
     * its own {@code #/components/...} references).
     */
    private static JsonNode resolve(ClassLoader loader, JsonNode node, JsonNode root, List<String> trail) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                JsonNode resolved = null;
                if (target.startsWith("./")) {
                    int hash = target.indexOf('#');
                    String file = target.substring(2, hash < 0 ? target.length() : hash);
                    JsonNode loaded = read(loader, file);
                    JsonNode part = hash < 0 ? loaded : pointer(loaded, target.substring(hash + 1), target);
                    resolved = resolve(loader, part, loaded, push(trail, target));
                } else if (target.startsWith("#/") && root != null && !isTemplate(root)) {
                    resolved = resolve(loader, pointer(root, target.substring(1), target), root, push(trail, target));
                }
                if (resolved != null) {
                    // Keywords beside the reference (a description, say) apply too: they win over the target's.
                    if (node.size() == 1 || !resolved.isObject()) {
                        return resolved;
                    }
                    ObjectNode merged = ((ObjectNode) resolved).deepCopy();
                    node.fields().forEachRemaining(field -> {
                        if (!"$ref".equals(field.getKey())) {
                            merged.set(field.getKey(), resolve(loader, field.getValue(), root, trail));
                        }
                    });
                    return merged;
                }
            }
            ObjectNode copy = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                // The internal definitions are inlined where they are used: drop them, and the ids that would
                // make a reader resolve anything against the contract file rather than this document.
                if (!isTemplate(root) && ("$defs".equals(field.getKey()) || "$id".equals(field.getKey()))) {
                    continue;
                }
                copy.set(field.getKey(), resolve(loader, field.getValue(), root, trail));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(resolve(loader, item, root, trail)));
            return copy;
        }
        return node;
    }

    private static boolean isTemplate(JsonNode root) {
        return root != null && root.has("asyncapi");
    }

    private static List<String> push(List<String> trail, String target) {
        if (trail.contains(target)) {
            throw new IllegalStateException("circular reference in the AsyncAPI document: " + trail + " -> " + target);
        }
        List<String> next = new ArrayList<>(trail);
        next.add(target);
        return next;
    }

    private static JsonNode pointer(JsonNode document, String pointer, String target) {
        JsonNode found = document.at(pointer);
        if (found.isMissingNode()) {
            throw new IllegalStateException("the AsyncAPI document refers to " + target + ", which does not exist");
        }
        return found;
    }

    private static JsonNode read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path (referred to by the AsyncAPI document)");
            }
            return (resource.endsWith(".json") ? JSON : YAML).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
