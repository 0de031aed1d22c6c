package fr.sudia.notifications.webhook;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * When each attempt of a webhook delivery happens, after the previous one failed (Standard Webhooks' suggested
 * schedule by default: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, about 27.5 h in all).
 */
@ApplicationScoped
public class RetrySchedule {

    private final List<Duration> delays;

    RetrySchedule(@ConfigProperty(name = "sudia.notifications.webhooks.retry-schedule") List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    public int attempts() {
        return delays.size();
    }

    /** The wait before attempt number {@code attempt} (1-based). */
    public Duration before(int attempt) {
        return delays.get(attempt - 1);
    }

    public Duration total() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
