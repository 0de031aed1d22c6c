package fr.sudia.funding.request;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the reminder (9 days) and expiry (45 days) rules on a schedule, in batches. */
@ApplicationScoped
public class RequestDeadlines {

    private static final int BATCH = 500;

    private final RequestDesk desk;
    private final Duration reminderAfter;
    private final Duration expireAfter;

    RequestDeadlines(RequestDesk desk, @ConfigProperty(name = "sudia.requests.reminder-after-days") int reminderAfterDays,
            @ConfigProperty(name = "sudia.requests.expire-after-days") int expireAfterDays) {
        this.desk = desk;
        this.reminderAfter = Duration.ofDays(reminderAfterDays);
        this.expireAfter = Duration.ofDays(expireAfterDays);
    }

    @Scheduled(every = "{sudia.requests.deadline-check-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        while (desk.applyDeadlines(reminderAfter, expireAfter, BATCH) > 0) {
            // each batch commits on its own; go on until nothing is due
        }
    }
}
