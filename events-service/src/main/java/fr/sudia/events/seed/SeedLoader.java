package fr.sudia.events.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventCatalogue;
import fr.sudia.events.event.EventInput;
import fr.sudia.events.feed.CalendarVersion;
import fr.sudia.events.series.Series;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Loads {@code seed/events.json} (the real series and editions of the region's AI events) into an empty database. */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Dataset(List<SeriesEntry> series, List<EventEntry> events) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeriesEntry(String key, String name, String description, String website) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventEntry(String series, String edition, String titleFr, String descriptionFr, Instant startsAt,
            Instant endsAt, Boolean allDay, String timeZone, EventInput.Venue venue,
            List<fr.sudia.events.event.Audience> audiences, List<String> tags) {
    }

    private final boolean enabled;
    private final ObjectMapper mapper;
    private final EventCatalogue catalogue;
    private final CalendarVersion calendarVersion;
    private final Validator validator;

    SeedLoader(@ConfigProperty(name = "sudia.seed.enabled", defaultValue = "false") boolean enabled, ObjectMapper mapper,
            EventCatalogue catalogue, CalendarVersion calendarVersion, Validator validator) {
        this.enabled = enabled;
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.calendarVersion = calendarVersion;
        this.validator = validator;
    }

    void onStart(@Observes StartupEvent startup) {
        if (enabled) {
            load();
        }
    }

    /** Loads the dataset if no event and no series exist yet; returns whether it did. */
    public boolean load() {
        Dataset dataset = read();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (Event.count() > 0 || Series.count() > 0) {
                LOG.info("Seed skipped: the calendar is not empty");
                return false;
            }
            Map<String, UUID> seriesIds = new HashMap<>();
            for (SeriesEntry entry : dataset.series()) {
                Series series = new Series();
                series.id = UUID.randomUUID();
                series.version = 1;
                series.name = entry.name();
                series.description = entry.description();
                series.website = entry.website();
                series.createdAt = Instant.now();
                series.updatedAt = series.createdAt;
                series.persist();
                seriesIds.put(entry.key(), series.id);
            }
            Series.flush();
            for (EventEntry entry : dataset.events()) {
                EventInput input = new EventInput(entry.titleFr(), null, entry.descriptionFr(), null, entry.startsAt(),
                        entry.endsAt(), entry.allDay(), entry.timeZone(), entry.venue(), null, entry.audiences(),
                        entry.tags(), null, seriesIds.get(entry.series()), entry.edition(), null, null, null, null, null,
                        null);
                Set<ConstraintViolation<EventInput>> violations = validator.validate(input);
                if (!violations.isEmpty()) {
                    throw new IllegalStateException("seed event " + entry.titleFr() + " is invalid: " + violations);
                }
                catalogue.importPublished(input, "seed");
            }
            calendarVersion.bump();
            LOG.infof("Seed loaded: %d series, %d events", dataset.series().size(), dataset.events().size());
            return true;
        });
    }

    private Dataset read() {
        try (InputStream in = SeedLoader.class.getResourceAsStream("/seed/events.json")) {
            return mapper.readValue(in, Dataset.class);
        } catch (IOException e) {
            throw new UncheckedIOException("seed/events.json cannot be read", e);
        }
    }
}
