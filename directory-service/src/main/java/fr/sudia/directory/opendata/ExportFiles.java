package fr.sudia.directory.opendata;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.hibernate.jpa.HibernateHints;

import fr.sudia.directory.organization.Organization;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;

/**
 * The open-data exports as files, one per representation and version of the directory: written once, streaming
 * the published organizations from the database a few hundred at a time (memory stays flat whatever the size of
 * the directory), then sent from disk to every download until the directory changes.
 */
@ApplicationScoped
public class ExportFiles {

    private static final int FETCH_SIZE = 500;

    /** Writes the export of the organizations, in order, to the stream. */
    @FunctionalInterface
    interface Writer {
        void write(Stream<Organization> organizations, OutputStream target) throws IOException;
    }

    private record Rendered(EntityTag etag, Path file) {
    }

    private final EntityManager em;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    ExportFiles(EntityManager em) {
        this.em = em;
    }

    /** The file of this representation at this version, written now if it is not there yet. */
    File file(String representation, EntityTag etag, Writer writer) {
        Rendered current = rendered.get(representation);
        if (current != null && current.etag().equals(etag)) {
            return current.file().toFile();
        }
        synchronized (locks.computeIfAbsent(representation, r -> new Object())) {
            current = rendered.get(representation);
            if (current != null && current.etag().equals(etag)) {
                return current.file().toFile();
            }
            Path file = render(representation, writer);
            rendered.put(representation, new Rendered(etag, file));
            if (current != null) {
                delete(current.file()); // a download still reading it keeps its open file
            }
            return file.toFile();
        }
    }

    private Path render(String representation, Writer writer) {
        try {
            Path partial = Files.createTempFile("sudia-directory-export-", "." + representation + ".partial");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                QuarkusTransaction.requiringNew().run(() -> {
                    try (Stream<Organization> organizations = em.createQuery("""
                            from Organization where deletedAt is null and moderationStatus = 'PUBLISHED'
                            order by lower(name), id""", Organization.class)
                            .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE).setHint(HibernateHints.HINT_READ_ONLY, true)
                            .getResultStream()) {
                        writer.write(organizations.peek(em::detach), out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            Path done = partial.resolveSibling(partial.getFileName().toString().replace(".partial", ""));
            return Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteFiles(@Observes ShutdownEvent shutdown) {
        rendered.values().forEach(r -> delete(r.file()));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file: the system's cleaning removes it later
        }
    }
}
