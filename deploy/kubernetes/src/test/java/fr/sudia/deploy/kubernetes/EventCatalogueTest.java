package fr.sudia.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The services' AsyncAPI documents ({@code <service>/src/main/resources/asyncapi.yaml}) describe exactly the topics
 * their code publishes and consumes, and the root README's event catalogue lists exactly the topics they publish,
 * each with its producer and its consumers. platform/core's part of every document ({@code asyncapi/privacy.yaml},
 * which AsyncApiDocument adds to each) counts for every service; a topic every service sends to is listed with
 * "every service" as its producer.
 */
class EventCatalogueTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SERVICE = Pattern.compile("[a-z]+(?:-[a-z]+)*-service");

    /** A service's document: the topics of its send and receive operations. */
    record Described(Set<String> sends, Set<String> receives) {
    }

    static final String EVERY_SERVICE = "every service";

    static Map<String, Described> documents() throws IOException {
        Map<String, Described> documents = new TreeMap<>();
        JsonNode platform = YAML.readTree(CodeFacts.PLATFORM.resolve("src/main/resources/asyncapi/privacy.yaml").toFile());
        for (Map.Entry<String, Path> module : modules().entrySet()) {
            Path file = module.getValue().resolve("src/main/resources/asyncapi.yaml");
            assertTrue(Files.isRegularFile(file), module.getKey() + " has no AsyncAPI document (" + file + ")");
            JsonNode document = YAML.readTree(file.toFile());
            assertEquals("3.0.0", document.path("asyncapi").asText(), file + ": AsyncAPI version");
            Set<String> sends = new TreeSet<>();
            Set<String> receives = new TreeSet<>();
            describe(file, document, platform, sends, receives);
            describe(file, platform, platform, sends, receives);
            documents.put(module.getKey(), new Described(sends, receives));
        }
        return documents;
    }

    /** Adds the topics of the document's operations; a channel is looked up in the document, then in the platform's part. */
    private static void describe(Path file, JsonNode document, JsonNode platform, Set<String> sends, Set<String> receives) {
        document.path("operations").forEach(operation -> {
            String ref = operation.path("channel").path("$ref").asText();
            assertTrue(ref.startsWith("#/channels/"), file + ": an operation's channel is " + ref);
            String channel = ref.substring("#/channels/".length());
            String address = document.path("channels").path(channel).path("address")
                    .asText(platform.path("channels").path(channel).path("address").asText());
            assertFalse(address.isEmpty(), file + ": no channel " + ref);
            switch (operation.path("action").asText()) {
                case "send" -> sends.add(address);
                case "receive" -> receives.add(address);
                default -> throw new AssertionError(file + ": an operation's action is " + operation.path("action"));
            }
        });
    }

    @Test
    void eachServicesDocumentDescribesWhatItsCodePublishesAndConsumes() throws IOException {
        Map<String, Described> documents = documents();
        Map<String, CodeFacts> code = CodeFacts.services();
        assertEquals(code.keySet(), documents.keySet(), "the services with an AsyncAPI document");
        code.forEach((service, facts) -> {
            Described document = documents.get(service);
            Set<String> sends = new TreeSet<>(facts.produces());
            sends.addAll(facts.deadLetters());
            assertEquals(sends, document.sends(), service + ": the topics its document sends to (its own, and its consumers' .dlq)");
            assertEquals(facts.consumes(), document.receives(), service + ": the topics its document receives");
        });
    }

    @Test
    void theReadmesEventCatalogueListsExactlyThePublishedTopicsWithTheirProducerAndConsumers() throws IOException {
        Map<String, Described> documents = documents();
        Map<String, String> producers = new TreeMap<>();
        Set<String> everyService = new TreeSet<>();
        documents.values().forEach(document -> everyService.addAll(document.sends()));
        documents.values().forEach(document -> everyService.retainAll(document.sends()));
        everyService.stream().filter(t -> !t.endsWith(".dlq")).forEach(topic -> producers.put(topic, EVERY_SERVICE));
        documents.forEach((service, document) -> document.sends().stream()
                .filter(t -> !t.endsWith(".dlq") && !everyService.contains(t))
                .forEach(topic -> assertEquals(null, producers.put(topic, service), topic + " has two producers")));

        List<List<String>> rows = catalogue();
        Map<String, List<String>> listed = new TreeMap<>();
        rows.forEach(row -> assertEquals(null, listed.put(row.get(0), row), "the catalogue lists " + row.get(0) + " twice"));
        assertEquals(producers.keySet(), listed.keySet(), "the topics of the README's event catalogue");
        listed.forEach((topic, row) -> {
            assertEquals(producers.get(topic), row.get(2).trim(), "the producer of " + topic + " in the README");
            Set<String> consumers = new TreeSet<>();
            documents.forEach((service, document) -> {
                if (document.receives().contains(topic)) {
                    consumers.add(service);
                }
            });
            Set<String> named = new TreeSet<>();
            Matcher service = SERVICE.matcher(row.get(3));
            while (service.find()) {
                if (documents.containsKey(service.group())) {
                    named.add(service.group());
                }
            }
            assertEquals(consumers, named, "the consumers of " + topic + " in the README");
        });
    }

    /** The rows of the table under the README's "## Events" heading: topic (without backticks), type, producer, consumers. */
    private static List<List<String>> catalogue() throws IOException {
        List<String> lines = Files.readAllLines(Repository.ROOT.resolve("README.md"));
        int start = lines.indexOf("## Events");
        assertTrue(start >= 0, "README.md has no \"## Events\" section");
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| topic |")) {
                inTable = true;
                continue;
            }
            if (inTable && line.startsWith("|---")) {
                continue;
            }
            if (inTable && line.startsWith("| ")) {
                String[] cells = line.substring(2, line.length() - 1).split(" \\| ", -1);
                assertEquals(4, cells.length, "a row of the event catalogue: " + line);
                rows.add(List.of(cells[0].replace("`", "").trim(), cells[1], cells[2], cells[3]));
            } else if (inTable) {
                break;
            }
        }
        assertFalse(rows.isEmpty(), "README.md's event catalogue has no row");
        return rows;
    }

    private static Map<String, Path> modules() throws IOException {
        Map<String, Path> modules = new TreeMap<>();
        try (var list = Files.list(Repository.ROOT)) {
            for (Path module : list.filter(m -> Files.isRegularFile(m.resolve("src/main/resources/application.properties"))).toList()) {
                java.util.Properties properties = new java.util.Properties();
                try (var reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
                    properties.load(reader);
                }
                modules.put(properties.getProperty("quarkus.application.name", module.getFileName().toString()), module);
            }
        }
        return modules;
    }
}
