package fr.sudia.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the services' code says about Kafka, read from the sources rather than listed by hand: the topics
 * each service's outbox publishes (its TOPIC constants) and consumes (mp.messaging.incoming.*.topic), the
 * dead-letter topics of its consumers, and its consumer group (kafka.group.id = quarkus.application.name).
 * What platform/core does in every service counts for each: its default channels (its
 * META-INF/microprofile-config.properties, under the service's own settings) and the topics of its TOPIC constants
 * (the privacy requests' answers).
 */
record CodeFacts(String service, Set<String> produces, Set<String> consumes, Set<String> deadLetters) {

    private static final Pattern TOPIC_CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+\\w*TOPIC\\w*\\s*=\\s*\"([^\"]+)\"");

    /** Each service module of the repository (a folder with src/main/resources/application.properties). */
    static Map<String, CodeFacts> services() {
        Map<String, CodeFacts> services = new TreeMap<>();
        try (Stream<Path> modules = Files.list(Repository.ROOT)) {
            for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("src/main/resources/application.properties")))
                    .toList()) {
                CodeFacts facts = read(module);
                services.put(facts.service(), facts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }

    static final Path PLATFORM = Repository.ROOT.resolve("platform/core");

    static CodeFacts read(Path module) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PLATFORM.resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(reader);
        }
        try (Reader reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        Set<String> consumes = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        Set<String> produces = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                consumes.add(properties.getProperty(key));
            } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic")) {
                deadLetters.add(properties.getProperty(key));
            } else if (key.matches("mp\\.messaging\\.outgoing\\.[^.]+\\.topic")) {
                produces.add(properties.getProperty(key));
            }
        }
        try (Stream<Path> sources = Stream.concat(Files.walk(module.resolve("src/main/java")),
                Files.walk(PLATFORM.resolve("src/main/java")))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher constant = TOPIC_CONSTANT.matcher(Files.readString(source));
                while (constant.find()) {
                    produces.add(constant.group(1));
                }
            }
        }
        String service = properties.getProperty("quarkus.application.name", module.getFileName().toString());
        return new CodeFacts(service, produces, consumes, deadLetters);
    }

    /** Every topic the code touches, with the dead-letter topic the platform gives each (docs/architecture.md). */
    static Set<String> allTopics() {
        Set<String> topics = new TreeSet<>();
        services().values().forEach(f -> {
            topics.addAll(f.produces());
            topics.addAll(f.consumes());
            topics.addAll(f.deadLetters());
        });
        List.copyOf(topics).stream().filter(t -> !t.endsWith(".dlq")).forEach(t -> topics.add(t + ".dlq"));
        return topics;
    }

    /** The platform's roles: the String constants of platform/core's Roles, less the claim's name. */
    static Set<String> roles() {
        try (Stream<Path> sources = Files.walk(Repository.ROOT.resolve("platform/core/src/main/java"))) {
            Path roles = sources.filter(p -> p.getFileName().toString().equals("Roles.java")).findFirst().orElseThrow();
            Matcher constant = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]+)\"")
                    .matcher(Files.readString(roles));
            Set<String> names = new TreeSet<>();
            while (constant.find()) {
                if (!constant.group(1).endsWith("_CLAIM")) {
                    names.add(constant.group(2));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
