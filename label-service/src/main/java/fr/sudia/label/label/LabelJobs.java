package fr.sudia.label.label;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** The time-driven changes: expiry, end of suspensions, and the charter's grace period. */
@ApplicationScoped
public class LabelJobs {

    private final LabelLifecycle lifecycle;

    LabelJobs(LabelLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(every = "${sudia.label.jobs.every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        lifecycle.expireDue();
        lifecycle.endSuspensionsDue();
        lifecycle.suspendUnsignedCharters();
    }
}
