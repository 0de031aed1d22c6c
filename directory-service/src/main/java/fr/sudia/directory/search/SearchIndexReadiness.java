package fr.sudia.directory.search;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Not ready while the search index loads: the organization search, a public read, would answer 503. A full rebuild
 * keeps the instance not ready too (rather than answering searches from PostgreSQL, slower by two orders of
 * magnitude at a million organizations and ranked differently): instances already running serve meanwhile.
 */
@Readiness
@ApplicationScoped
public class SearchIndexReadiness implements HealthCheck {

    private final SearchIndex index;

    SearchIndexReadiness(SearchIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        SearchIndex.State state = index.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("search-index").status(state == SearchIndex.State.READY)
                .withData("state", state.name());
        SearchIndex.Load load = index.lastLoad();
        if (load != null) {
            response.withData("loadedFrom", load.fromSnapshot() ? "snapshot" : "table")
                    .withData("loadMillis", load.millis()).withData("rowsRead", load.rowsRead());
        }
        return response.build();
    }
}
