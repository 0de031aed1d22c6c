package fr.sudia.impact.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.impact.declared.DeclaredFigureForm;
import fr.sudia.impact.declared.DeclaredFigures;
import fr.sudia.impact.indicator.Indicator;
import fr.sudia.impact.indicator.IndicatorForm;
import fr.sudia.impact.indicator.Indicators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads {@code seed/impact-seed.json} at start when {@code sudia.seed.enabled=true} and no indicator exists yet: the
 * plan's indicators (with the targets the plan states, and the sentence they come from) and the figures the source
 * documents declare (with their sources). Checked like admins' input; loading twice changes nothing.
 */
@ApplicationScoped
public class SeedLoader {

    static final String SEED = "/seed/impact-seed.json";
    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    record Seed(List<IndicatorForm> indicators, List<DeclaredFigureForm> declaredFigures) {
    }

    private final boolean enabled;
    private final ObjectMapper mapper;
    private final Indicators indicators;
    private final DeclaredFigures declaredFigures;

    SeedLoader(@ConfigProperty(name = "sudia.seed.enabled", defaultValue = "false") boolean enabled, ObjectMapper mapper,
            Indicators indicators, DeclaredFigures declaredFigures) {
        this.enabled = enabled;
        this.mapper = mapper;
        this.indicators = indicators;
        this.declaredFigures = declaredFigures;
    }

    void onStart(@Observes StartupEvent startup) {
        if (enabled) {
            load();
        }
    }

    public void load() {
        Seed seed = read();
        QuarkusTransaction.requiringNew().run(() -> {
            // Serialises instances starting together; the lock ends with the transaction.
            Indicator.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(1717)").getSingleResult();
            if (Indicator.count() > 0) {
                return;
            }
            seed.indicators().forEach(indicators::create);
            seed.declaredFigures().forEach(declaredFigures::declare);
            LOG.infof("Seed: %d indicators and %d declared figures", seed.indicators().size(), seed.declaredFigures().size());
        });
    }

    Seed read() {
        try (InputStream in = SeedLoader.class.getResourceAsStream(SEED)) {
            return mapper.readValue(in, Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
