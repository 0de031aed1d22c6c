package fr.sudia.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import fr.sudia.platform.asyncapi.AsyncApiDocument;
import fr.sudia.platform.privacy.PrivacyAnswered;
import fr.sudia.platform.privacy.PrivacyRequestConsumer;

/**
 * Checks a service's served AsyncAPI document against its code: the topics it sends to are exactly those it
 * publishes (plus the dead-letter topics of those it consumes), those it receives exactly its
 * {@code mp.messaging.incoming.*.topic}s, and every payload is its topic's contract (its examples valid against it).
 * What platform/core does in every service counts too: it answers the privacy requests (receives
 * {@code privacy.requests.v1}, sends {@code privacy.replies.v1}), and its part of every document says so.
 */
public final class AsyncApiContracts {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AsyncApiContracts() {
    }

    public static JsonNode read(String document) {
        try {
            return YAML.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topics platform/core's own consumer reads in every service, and those it publishes. */
    public static final List<String> PLATFORM_CONSUMED = List.of("privacy.requests.v1");
    public static final List<String> PLATFORM_PUBLISHED = List.of(PrivacyAnswered.TOPIC);

    /**
     * The topics the running service's own consumers read, from its {@code mp.messaging.incoming.<channel>.topic}
     * settings (platform/core's {@code privacy-requests} channel, the same in every service, apart).
     */
    public static List<String> consumedTopics() {
        return StreamSupport.stream(ConfigProvider.getConfig().getPropertyNames().spliterator(), false)
                .filter(name -> name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic"))
                .filter(name -> !name.equals("mp.messaging.incoming." + PrivacyRequestConsumer.CHANNEL + ".topic"))
                .map(name -> ConfigProvider.getConfig().getValue(name, String.class))
                .distinct().sorted().toList();
    }

    /**
     * Fails unless {@code document} describes exactly these topics (and platform/core's), each payload being its
     * topic's contract.
     */
    public static void assertDescribes(JsonNode document, Collection<String> ownPublished, Collection<String> ownConsumed) {
        assertEquals("3.0.0", document.path("asyncapi").asText(), "AsyncAPI version");
        TreeSet<String> published = new TreeSet<>(ownPublished);
        published.addAll(PLATFORM_PUBLISHED);
        TreeSet<String> consumed = new TreeSet<>(ownConsumed);
        consumed.addAll(PLATFORM_CONSUMED);
        Map<String, List<String>> topics = AsyncApiDocument.topicsByAction(document);
        TreeSet<String> sent = new TreeSet<>(published);
        consumed.forEach(topic -> sent.add(topic + ".dlq"));
        assertEquals(List.copyOf(sent), topics.get("send"), "the topics the document says the service sends to");
        assertEquals(List.copyOf(new TreeSet<>(consumed)), topics.get("receive"), "the topics the document says the service receives");
        TreeSet<String> channels = StreamSupport.stream(document.path("channels").spliterator(), false)
                .map(channel -> channel.path("address").asText()).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> expected = new TreeSet<>(sent);
        expected.addAll(consumed);
        assertEquals(expected, channels, "the channels of the document");

        assertReferencesResolve(document, document, "");

        document.path("channels").forEach(channel -> {
            String topic = channel.path("address").asText();
            if (topic.endsWith(".dlq")) {
                return;
            }
            assertTrue(EventContracts.exists(topic), "no contract contracts/" + topic + ".json on the class path");
            assertFalse(channel.path("messages").isEmpty(), topic + " has no message");
            channel.path("messages").forEach(reference -> {
                JsonNode message = follow(document, reference);
                String name = message.path("name").asText();
                assertTrue(name.startsWith("fr.sudia."), topic + ": a message is not named by its CloudEvents type: " + name);
                JsonNode trait = follow(document, message.path("traits").path(0));
                assertTrue(trait.path("headers").path("properties").has("ce_type"), name + " has no CloudEvents headers");
                JsonNode payload = follow(document, message.path("payload"));
                assertFalse(payload.path("examples").isEmpty(), name + " has no payload example");
                payload.path("examples").forEach(example -> EventContracts.assertValid(topic, example.toString()));
                assertTrue(EventContracts.allExamples(topic).containsAll(
                        StreamSupport.stream(payload.path("examples").spliterator(), false).map(JsonNode::toString).toList()),
                        name + ": the payload's examples are not those of contracts/" + topic + ".json");
            });
        });
    }

    /** Keeps the document in the module's target/ folder, where deploy/asyncapi's parser can read it too. */
    public static void write(String document, String file) {
        try {
            Path target = Path.of("target", file);
            Files.createDirectories(target.getParent());
            Files.writeString(target, document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code $ref} of the served document points inside it, at something that exists. */
    private static void assertReferencesResolve(JsonNode document, JsonNode node, String path) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                assertTrue(ref.asText().startsWith("#/") && !document.at(ref.asText().substring(1)).isMissingNode(),
                        "the served document refers at " + path + " to " + ref.asText() + ", which it does not hold");
            }
            node.fields().forEachRemaining(field -> assertReferencesResolve(document, field.getValue(), path + "/" + field.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertReferencesResolve(document, node.get(i), path + "/" + i);
            }
        }
    }

    private static JsonNode follow(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            assertTrue(ref.startsWith("#/"), "an unresolved reference in the served document: " + ref);
            current = document.at(ref.substring(1));
            assertFalse(current.isMissingNode(), "a dangling reference: " + ref);
        }
        return current;
    }
}
