package fr.sudia.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The container image that {@code verify} builds with Jib, without a Docker engine, as a {@code docker save}
 * tarball (see the image-tarball execution in this module's pom): what a cluster will run.
 */
class ContainerImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARBALL = Path.of(System.getProperty("image.tarball"));
    private static final String IMAGE = System.getProperty("image.name");

    private static JsonNode manifest;
    private static JsonNode config;
    private static final Map<String, TarArchiveEntry> FILES = new HashMap<>();

    @BeforeAll
    static void readTheTarball() throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(TARBALL))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        manifest = JSON.readTree(entries.get("manifest.json")).get(0);
        config = JSON.readTree(entries.get(manifest.get("Config").asText()));
        for (JsonNode layer : manifest.get("Layers")) {
            try (InputStream gz = new GzipCompressorInputStream(new ByteArrayInputStream(entries.get(layer.asText())));
                    TarArchiveInputStream files = new TarArchiveInputStream(gz)) {
                TarArchiveEntry file;
                while ((file = files.getNextEntry()) != null) {
                    FILES.put(file.getName(), file);
                }
            }
        }
    }

    @Test
    void isNamedAfterTheServiceAndTaggedWithTheProjectVersion() {
        assertEquals(List.of(IMAGE), List.of(manifest.get("RepoTags").get(0).asText()));
        assertTrue(IMAGE.matches("sudia/directory-service:\\d+\\.\\d+\\.\\d+.*"), IMAGE);
        JsonNode labels = config.at("/config/Labels");
        assertEquals("directory-service", labels.get("org.opencontainers.image.title").asText());
        assertEquals(IMAGE.substring(IMAGE.indexOf(':') + 1), labels.get("org.opencontainers.image.version").asText());
        assertEquals("EUPL-1.2", labels.get("org.opencontainers.image.licenses").asText());
    }

    @Test
    void runsTheQuarkusAppAsANonRootUserOnTheServicePort() {
        assertEquals("185", config.at("/config/User").asText(), "a numeric, non-root user");
        List<String> entrypoint = JSON.convertValue(config.at("/config/Entrypoint"), List.class);
        assertEquals("java", entrypoint.get(0));
        assertEquals(List.of("-jar", "quarkus-run.jar"), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
        assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=50"), "the heap follows the container's memory limit");
        assertTrue(entrypoint.contains("-XX:+UseSerialGC"), "the collector sized for a small service");
        assertTrue(config.at("/config/ExposedPorts").has("8081/tcp"));
        String workDir = config.at("/config/WorkingDir").asText();
        assertTrue(FILES.containsKey(rel(workDir, "quarkus-run.jar")), "the launcher is in the working directory");
    }

    @Test
    void itsLayersHoldTheServiceAndThePlatformLibrary() {
        String workDir = config.at("/config/WorkingDir").asText();
        String version = IMAGE.substring(IMAGE.indexOf(':') + 1);
        Set<String> expected = Set.of(
                rel(workDir, "app/directory-service-" + version + ".jar"),
                rel(workDir, "lib/main/fr.sudia.platform-core-" + version + ".jar"),
                rel(workDir, "quarkus/generated-bytecode.jar"));
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(FILES.keySet());
        assertTrue(missing.isEmpty(), "missing from the image: " + missing);
        assertTrue(FILES.keySet().stream().anyMatch(f -> f.contains("/lib/main/org.apache.lucene.lucene-core-")));
    }

    @Test
    void isReproducibleNoBuildTimeInTheImageOrItsFiles() {
        assertEquals("1970-01-01T00:00:00Z", config.get("created").asText());
        Instant latest = FILES.values().stream().map(f -> f.getModTime().toInstant()).max(Instant::compareTo).orElseThrow();
        assertTrue(latest.isBefore(Instant.parse("1970-01-02T00:00:00Z")), "file times are fixed: " + latest);
    }

    private static String rel(String workDir, String file) {
        return (workDir.startsWith("/") ? workDir.substring(1) : workDir) + "/" + file;
    }
}
