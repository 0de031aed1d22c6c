package fr.sudia.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;

/**
 * The register of processing ({@code docs/personal-data.md}) against what a service really stores: every persistent
 * attribute of every mapped entity is classified in the service's section or the platform's (personal {@code yes} or {@code no}),
 * nothing listed there is gone, and every personal row says what, why, who reads it, where it goes and how long it
 * is kept.
 */
public final class PersonalDataRegister {

    static final String FILE = "docs/personal-data.md";

    /** One row of a service's table. */
    record Row(String entity, List<String> fields, boolean personal, List<String> details) {
    }

    private PersonalDataRegister() {
    }

    public static void assertEveryFieldClassified(String service, Metamodel metamodel) {
        Path file = Files.exists(Path.of(FILE)) ? Path.of(FILE) : find();
        List<Row> rows = new ArrayList<>(rows("platform", file));
        rows.addAll(rows(service, file));
        Map<String, Set<String>> registered = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            for (String field : row.fields()) {
                if (!registered.computeIfAbsent(row.entity(), e -> new TreeSet<>()).add(field)) {
                    problems.add(row.entity() + "." + field + " is listed twice");
                }
            }
            if (row.personal() && row.details().stream().anyMatch(String::isBlank)) {
                problems.add(row.entity() + " " + row.fields() + ": a personal row says what, why, who reads it, where it goes and how long it is kept");
            }
        }
        Map<String, Set<String>> stored = new TreeMap<>();
        for (EntityType<?> entity : metamodel.getEntities()) {
            Set<String> attributes = new TreeSet<>();
            for (Attribute<?, ?> attribute : entity.getAttributes()) {
                attributes.add(attribute.getName());
            }
            stored.put(entity.getName(), attributes);
        }
        for (Map.Entry<String, Set<String>> entity : stored.entrySet()) {
            Set<String> missing = new TreeSet<>(entity.getValue());
            missing.removeAll(registered.getOrDefault(entity.getKey(), Set.of()));
            if (!missing.isEmpty()) {
                problems.add(entity.getKey() + ": not classified in " + FILE + " (personal yes or no): " + missing);
            }
        }
        for (Map.Entry<String, Set<String>> entity : registered.entrySet()) {
            Set<String> gone = new TreeSet<>(entity.getValue());
            gone.removeAll(stored.getOrDefault(entity.getKey(), Set.of()));
            if (!gone.isEmpty()) {
                problems.add(entity.getKey() + ": listed in " + FILE + " but not stored any more: " + gone);
            }
        }
        assertEquals(List.of(), problems, "the register of processing, section " + service);
    }

    /** The rows of the table under {@code ## service} (the platform's own entities are under {@code ## platform}). */
    static List<Row> rows(String service, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf("## " + service);
        assertTrue(start >= 0, FILE + " has no section ## " + service);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|") || line.startsWith("| entity ") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1);
            assertEquals(8, cells.length, "8 columns in " + line);
            String personal = cells[2].strip();
            assertTrue(personal.equals("yes") || personal.equals("no"), "personal is yes or no in " + line);
            List<String> fields = java.util.Arrays.stream(cells[1].split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
            List<String> details = java.util.Arrays.stream(cells, 3, 8).map(String::strip).toList();
            rows.add(new Row(cells[0].strip(), fields, personal.equals("yes"), details));
        }
        return rows;
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(FILE))) {
                return dir.resolve(FILE);
            }
        }
        throw new AssertionError(FILE + " not found above " + Path.of("").toAbsolutePath());
    }
}
