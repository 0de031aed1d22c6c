package fr.sudia.label.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.label.charter.CharterDraft;
import fr.sudia.label.charter.CharterQuestion;
import fr.sudia.label.charter.CharterVersion;
import fr.sudia.label.charter.Charters;
import fr.sudia.label.label.LabelCategory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads {@code seed/label-seed.json} at start when {@code sudia.seed.enabled=true}: the first charter version (when
 * there is none) and the holders to label once the directory announces them. Loading twice changes nothing.
 */
@ApplicationScoped
public class SeedLoader {

    static final String SEED = "/seed/label-seed.json";
    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final boolean enabled;
    private final ObjectMapper mapper;
    private final Charters charters;
    private final SeedHolders holders;
    private final Clock clock;

    SeedLoader(@ConfigProperty(name = "sudia.seed.enabled", defaultValue = "false") boolean enabled, ObjectMapper mapper,
            Charters charters, SeedHolders holders, Clock clock) {
        this.enabled = enabled;
        this.mapper = mapper;
        this.charters = charters;
        this.holders = holders;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent startup) {
        if (enabled) {
            load();
        }
    }

    public void load() {
        Seed seed = read();
        QuarkusTransaction.requiringNew().run(() -> {
            if (CharterVersion.count() == 0) {
                // The Plan gives no date for the charter and no grace period: the first version takes effect when loaded.
                charters.publish(new CharterDraft(seed.charter().textFr(), seed.charter().textEn(),
                        OffsetDateTime.now(clock), 0, seed.charter().questions()), SeedHolders.ACTOR);
                LOG.info("Seed: charter version 1 published");
            }
            for (Seed.Holder holder : seed.holders()) {
                if (SeedHolder.findById(holder.name()) == null) {
                    SeedHolder row = new SeedHolder();
                    row.name = holder.name();
                    row.category = holder.category();
                    row.persist();
                }
            }
        });
        holders.grantPending();
    }

    Seed read() {
        try (InputStream in = SeedLoader.class.getResourceAsStream(SEED)) {
            return mapper.readValue(in, Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SEED, e);
        }
    }

    record Seed(Charter charter, List<Holder> holders) {

        record Charter(String textFr, String textEn, List<CharterQuestion> questions) {
        }

        record Holder(String name, LabelCategory category) {
        }
    }
}
