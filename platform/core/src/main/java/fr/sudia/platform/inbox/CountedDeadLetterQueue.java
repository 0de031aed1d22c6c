package fr.sudia.platform.inbox;

import java.util.function.BiConsumer;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Kafka connector's dead-letter-queue failure strategy, counting what it sends: a channel configured
 * with {@code failure-strategy=sudia-dead-letter-queue} behaves as with {@code dead-letter-queue} (same
 * {@code dead-letter-queue.*} settings) and exposes {@code sudia_events_dead_lettered_total}, present at 0
 * from the start so that dashboards and alerts see it before the first poison event.
 */
@ApplicationScoped
@Identifier(CountedDeadLetterQueue.STRATEGY)
public class CountedDeadLetterQueue implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "sudia-dead-letter-queue";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final MeterRegistry meterRegistry;

    CountedDeadLetterQueue(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            MeterRegistry meterRegistry) {
        this.deadLetterQueue = deadLetterQueue;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler delegate = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        String topic = config.getTopic().orElse(config.getChannel());
        Counter deadLettered = Counter.builder("sudia.events.dead.lettered")
                .description("Records a consumer could not process and sent to the dead-letter topic")
                .tag("channel", config.getChannel())
                .tag("topic", topic)
                .tag("dead_letter_topic", config.getDeadLetterQueueTopic().orElse("dead-letter-topic-" + config.getChannel()))
                .register(meterRegistry);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return delegate.handle(record, reason, metadata).invoke(() -> deadLettered.increment());
            }

            @Override
            public void terminate() {
                delegate.terminate();
            }
        };
    }
}
