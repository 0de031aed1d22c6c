package fr.sudia.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks events against the JSON Schema a service publishes for a topic ({@code contracts/<topic>.json} on the
 * class path, draft 2020-12): what a producer emits in its tests, and the examples a consumer is fed.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** Fails with every violation when {@code data} (an event's JSON data) breaks the topic's schema. */
    public static void assertValid(String topic, String data) {
        List<Error> errors = schema(topic).validate(read(data));
        assertTrue(errors.isEmpty(), "event data on " + topic + " breaks its contract: " + errors + "\n" + data);
    }

    /** The examples the schema gives, as JSON texts: what a consumer's tests feed it. */
    public static List<String> examples(String topic) {
        List<String> examples = new ArrayList<>();
        document(topic).path("examples").forEach(example -> examples.add(example.toString()));
        assertTrue(!examples.isEmpty(), "the contract of " + topic + " gives no example");
        return examples;
    }

    /**
     * The examples of one definition of the schema ({@code $defs/<definition>/examples}), for a topic whose events
     * have several shapes (e.g. {@code label.labels.v1}: {@code LabelChanged} and {@code CharterSigned}).
     */
    public static List<String> examples(String topic, String definition) {
        List<String> examples = new ArrayList<>();
        document(topic).path("$defs").path(definition).path("examples").forEach(example -> examples.add(example.toString()));
        assertTrue(!examples.isEmpty(), "the contract of " + topic + " gives no example of " + definition);
        return examples;
    }

    /** Every example of the schema: its own, then those of its definitions. */
    public static List<String> allExamples(String topic) {
        List<String> examples = new ArrayList<>();
        JsonNode document = document(topic);
        document.path("examples").forEach(example -> examples.add(example.toString()));
        document.path("$defs").forEach(definition -> definition.path("examples").forEach(example -> examples.add(example.toString())));
        return examples;
    }

    /** Whether {@code contracts/<topic>.json} is on the class path. */
    public static boolean exists(String topic) {
        return Thread.currentThread().getContextClassLoader().getResource("contracts/" + topic + ".json") != null;
    }

    /** The top-level properties the schema names, to compare with what an event actually carries. */
    public static List<String> propertyNames(String topic) {
        List<String> names = new ArrayList<>();
        document(topic).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Fails unless the event carries exactly the properties of its contract (a REST view sent by mistake would not). */
    public static void assertCarriesExactly(String topic, String data) {
        List<String> carried = new ArrayList<>();
        read(data).fieldNames().forEachRemaining(carried::add);
        assertEquals(propertyNames(topic).stream().sorted().toList(), carried.stream().sorted().toList(),
                "the properties of an event on " + topic);
    }

    /** Like {@link #assertCarriesExactly(String, String)}, for a topic whose events have several definitions ({@code $defs}). */
    public static void assertCarriesExactly(String topic, String definition, String data) {
        List<String> expected = new ArrayList<>();
        document(topic).path("$defs").path(definition).path("properties").fieldNames().forEachRemaining(expected::add);
        assertTrue(!expected.isEmpty(), "no definition " + definition + " in the contract of " + topic);
        List<String> carried = new ArrayList<>();
        read(data).fieldNames().forEachRemaining(carried::add);
        assertEquals(expected.stream().sorted().toList(), carried.stream().sorted().toList(),
                "the properties of a " + definition + " event on " + topic);
    }

    private static Schema schema(String topic) {
        return SCHEMAS.getSchema(document(topic));
    }

    private static JsonNode document(String topic) {
        return DOCUMENTS.computeIfAbsent(topic, t -> {
            String resource = "contracts/" + t + ".json";
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no contract " + resource + " on the class path");
                }
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static JsonNode read(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
