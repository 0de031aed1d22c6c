package fr.sudia.directory.observability;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Tracing is off by default (no collector in tests): these tests switch it on, spans going to memory. */
public class TracingOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
