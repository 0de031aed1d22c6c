package fr.sudia.funding.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.funding.scheme.Scheme;
import fr.sudia.funding.scheme.SchemeCatalogue;
import fr.sudia.funding.scheme.SchemeInput;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Loads the real schemes named in the Plan Sud IA ({@code seed/schemes.json}) into an empty catalogue when
 * {@code sudia.seed.enabled=true}. A catalogue that already holds schemes is left alone, so restarts add nothing.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    static final String RESOURCE = "/seed/schemes.json";
    static final String SEEDER = "seed";

    private final SchemeCatalogue catalogue;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final boolean enabled;

    SeedLoader(SchemeCatalogue catalogue, ObjectMapper mapper, Validator validator,
            @ConfigProperty(name = "sudia.seed.enabled") boolean enabled) {
        this.catalogue = catalogue;
        this.mapper = mapper;
        this.validator = validator;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            int loaded = loadIfEmpty();
            LOG.infof("Seed: %d scheme(s) loaded", loaded);
        }
    }

    /** Publishes every seed scheme if the catalogue is empty; returns how many were published. */
    @Transactional
    public int loadIfEmpty() {
        if (Scheme.count() > 0) {
            return 0;
        }
        List<SchemeInput> schemes = read();
        for (SchemeInput scheme : schemes) {
            Set<ConstraintViolation<SchemeInput>> violations = validator.validate(scheme);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("seed scheme '" + scheme.name() + "' is invalid: " + violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
            }
            catalogue.publish(scheme, SEEDER);
        }
        return schemes.size();
    }

    List<SchemeInput> read() {
        try (InputStream in = SeedLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return mapper.readValue(in, new TypeReference<List<SchemeInput>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
