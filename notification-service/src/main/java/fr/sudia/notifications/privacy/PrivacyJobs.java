package fr.sudia.notifications.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.sudia.platform.inbox.IdempotentConsumer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The desk's background work: the services' answers read from privacy.replies.v1 (each once, inbox), the requests
 * published again every {@code sudia.privacy.retry-every} while some service has not confirmed, and the access
 * exports cleared after {@code sudia.privacy.export-retention}.
 */
@ApplicationScoped
public class PrivacyJobs {

    private final PrivacyDesk desk;
    private final IdempotentConsumer idempotentConsumer;
    private final Clock clock;
    private final Duration retryEvery;

    PrivacyJobs(PrivacyDesk desk, IdempotentConsumer idempotentConsumer, Clock clock,
            @ConfigProperty(name = "sudia.privacy.retry-every") Duration retryEvery) {
        this.desk = desk;
        this.idempotentConsumer = idempotentConsumer;
        this.clock = clock;
        this.retryEvery = retryEvery;
    }

    @Incoming(PrivacyTopics.REPLIES_CHANNEL)
    @Blocking
    public void replies(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, desk::record);
    }

    @Scheduled(every = "${sudia.privacy.retry-every}", delayed = "${sudia.privacy.retry-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        republishUnconfirmed();
    }

    /** Publishes again the requests some service has not confirmed for {@code sudia.privacy.retry-every}. */
    public int republishUnconfirmed() {
        return desk.republish(OffsetDateTime.now(clock).minus(retryEvery));
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExports() {
        desk.purgeExports();
    }
}
