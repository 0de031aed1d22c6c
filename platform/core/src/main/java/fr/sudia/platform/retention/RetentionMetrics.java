package fr.sudia.platform.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one metric every retention job reports to: {@code sudia_retention_removed_total{dataset}}, the rows (or
 * rows' personal fields) a job deleted or cleared because their retention period had passed. A job asks for its
 * counter once, at construction, so that the series exists (at 0) before the first purge.
 */
@ApplicationScoped
public class RetentionMetrics {

    private final MeterRegistry registry;

    RetentionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param dataset what the job removes, e.g. {@code registrations.personal-data}, {@code outbox.sent} */
    public Counter counter(String dataset) {
        return Counter.builder("sudia.retention.removed").tag("dataset", dataset)
                .description("Rows deleted, or personal fields cleared, by a retention job once their period had passed")
                .register(registry);
    }
}
