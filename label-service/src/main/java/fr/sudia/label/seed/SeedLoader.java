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

import fr.sudia.label.audit.AuditEntry;
import fr.sudia.label.audit.AuditEntry.SubjectType;
import fr.sudia.label.charter.CharterDraft;
import fr.sudia.label.charter.CharterQuestion;
import fr.sudia.label.charter.CharterVersion;
import fr.sudia.label.charter.Charters;
import fr.sudia.label.label.LabelLifecycle;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads {@code seed/label-seed.json} at start when {@code sudia.seed.enabled=true}: the first charter version, when
 * there is none. It grants no label: the sources name no organization as holding the Sud IA label. Loading twice
 * changes nothing.
 */
@ApplicationScoped
public class SeedLoader {

    static final String SEED = "/seed/label-seed.json";
    static final String ACTOR = "system:seed";
    static final String UNSUPPORTED_SEED_LABEL =
            "Granted by an earlier seed that the sources did not support: they name no holder of the Sud IA label.";
    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final boolean enabled;
    private final ObjectMapper mapper;
    private final Charters charters;
    private final LabelLifecycle labels;
    private final Clock clock;

    SeedLoader(@ConfigProperty(name = "sudia.seed.enabled", defaultValue = "false") boolean enabled, ObjectMapper mapper,
            Charters charters, LabelLifecycle labels, Clock clock) {
        this.enabled = enabled;
        this.mapper = mapper;
        this.charters = charters;
        this.labels = labels;
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
                        OffsetDateTime.now(clock), 0, seed.charter().questions()), ACTOR);
                LOG.info("Seed: charter version 1 published");
            }
        });
        withdrawEarlierSeedLabels();
    }

    /**
     * An earlier seed granted labels the sources do not support; a database that still holds them gets them
     * withdrawn (with the events, so the directory and the organizers' banners follow), once.
     */
    void withdrawEarlierSeedLabels() {
        List<String> numbers = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "actor = ?1 and subjectType = ?2 and action = 'GRANTED'", ACTOR, SubjectType.LABEL)
                .stream().map(entry -> entry.subjectId).toList());
        for (String number : numbers) {
            QuarkusTransaction.requiringNew().run(() -> {
                if (LabelLifecycle.find(number).status.isCurrent()) {
                    labels.withdraw(number, UNSUPPORTED_SEED_LABEL, ACTOR);
                    LOG.infof("Seed: label %s, granted by an earlier seed, withdrawn", number);
                }
            });
        }
    }

    Seed read() {
        try (InputStream in = SeedLoader.class.getResourceAsStream(SEED)) {
            return mapper.readValue(in, Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SEED, e);
        }
    }

    record Seed(Charter charter) {

        record Charter(String textFr, String textEn, List<CharterQuestion> questions) {
        }
    }
}
