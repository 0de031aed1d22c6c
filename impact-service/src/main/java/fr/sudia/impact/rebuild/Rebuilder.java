package fr.sudia.impact.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import fr.sudia.impact.fact.Facts;
import fr.sudia.impact.fact.Projection;
import fr.sudia.impact.publication.ReadModelVersion;
import fr.sudia.impact.source.Projections;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.events.PoisonEventException;
import fr.sudia.platform.inbox.IdempotentConsumer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/**
 * Drops the read model and replays the five topics from their start, through the same projections as the live
 * consumers. The facts depend only on the set of events (each record kept at its latest version), so the figures
 * after a rebuild equal those before. The live consumers go on meanwhile: an event they apply during the replay is
 * recorded in the inbox, and the replay then skips it (or the other way round).
 *
 * <p>The replay reads with its own consumer, assigned every partition (no consumer group: its offsets are not
 * committed and the live consumers' are left alone), up to the end offsets taken when it starts; what comes later
 * is the live consumers' work. Records are applied in batches, one transaction and a few set-based statements each.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);

    private final EntityManager entityManager;
    private final ReadModelVersion readModel;
    private final Projections projections;
    private final IdempotentConsumer idempotentConsumer;
    private final Facts facts;
    private final Map<String, Object> kafkaConfig;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final int batchSize;
    private final Map<UUID, Rebuild> rebuilds = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicReference<UUID> running = new AtomicReference<>();

    Rebuilder(EntityManager entityManager, ReadModelVersion readModel, Projections projections,
            IdempotentConsumer idempotentConsumer, Facts facts,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ManagedExecutor executor, Clock clock,
            @ConfigProperty(name = "sudia.impact.rebuild.batch-size") int batchSize) {
        this.entityManager = entityManager;
        this.readModel = readModel;
        this.projections = projections;
        this.idempotentConsumer = idempotentConsumer;
        this.facts = facts;
        this.kafkaConfig = kafkaConfig;
        this.executor = executor;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public Rebuild find(UUID id) {
        Rebuild rebuild = rebuilds.get(id);
        if (rebuild == null) {
            throw new jakarta.ws.rs.NotFoundException("No rebuild " + id + " on this instance.");
        }
        return rebuild;
    }

    /** Starts a rebuild in the background; 409 while another runs. */
    public Rebuild start() {
        UUID id = UUID.randomUUID();
        if (!running.compareAndSet(null, id)) {
            throw new ClientErrorException("Rebuild " + running.get() + " is running: wait for its end.", Response.Status.CONFLICT);
        }
        Rebuild rebuild = Rebuild.started(id, OffsetDateTime.now(clock));
        rebuilds.put(id, rebuild);
        executor.runAsync(() -> run(rebuild));
        return rebuild;
    }

    /** Runs a whole rebuild in the calling thread (the benchmark and the ops procedure use it through the API). */
    void run(Rebuild started) {
        Counts counts = new Counts();
        try {
            drop();
            for (String topic : Projections.TOPICS) {
                replay(topic, counts);
            }
            rebuilds.put(started.id(), new Rebuild(started.id(), Rebuild.State.DONE, started.startedAt(),
                    OffsetDateTime.now(clock), new TreeMap<>(counts.records), counts.applied, counts.duplicates,
                    counts.poison, null));
            LOG.infof("Rebuild %s done: %d records, %d applied, %d duplicates, %d poison", started.id(),
                    counts.records.values().stream().mapToLong(Long::longValue).sum(), counts.applied, counts.duplicates,
                    counts.poison);
        } catch (RuntimeException e) {
            LOG.error("Rebuild " + started.id() + " failed", e);
            rebuilds.put(started.id(), new Rebuild(started.id(), Rebuild.State.FAILED, started.startedAt(),
                    OffsetDateTime.now(clock), new TreeMap<>(counts.records), counts.applied, counts.duplicates,
                    counts.poison, e.toString()));
        } finally {
            running.set(null);
        }
    }

    private static final class Counts {
        final Map<String, Long> records = new HashMap<>();
        long applied;
        long duplicates;
        long poison;
    }

    /** Empties the read model and forgets the events of its topics (TRUNCATE waits for live transactions to end). */
    private void drop() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("truncate measured_fact, source_version, known_organization").executeUpdate();
            readModel.bump();
            entityManager.createNativeQuery("delete from inbox_event where topic in (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, Projections.TOPICS.get(0)).setParameter(2, Projections.TOPICS.get(1))
                    .setParameter(3, Projections.TOPICS.get(2)).setParameter(4, Projections.TOPICS.get(3))
                    .setParameter(5, Projections.TOPICS.get(4)).executeUpdate();
        });
    }

    private void replay(String topic, Counts counts) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove("group.instance.id");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "impact-rebuild-" + topic);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                counts.records.put(topic, 0L);
                return;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(30));
            long read = 0;
            while (!reachedEnd(consumer, end)) {
                ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(500));
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : polled) {
                    if (record.offset() < end.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                        batch.add(record);
                    }
                }
                read += batch.size();
                apply(topic, batch, counts);
                for (TopicPartition partition : assigned) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        consumer.pause(List.of(partition));
                    }
                }
            }
            counts.records.put(topic, read);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /**
     * One transaction for the batch: the events delivered for the first time are recorded in the inbox, as the live
     * consumers do, and their facts applied together. A poison record is counted and left out before the
     * transaction (reading and projecting an event touches no database), so it never costs its batch.
     */
    private void apply(String topic, List<ConsumerRecord<String, String>> batch, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        List<CloudEvent> events = new ArrayList<>(batch.size());
        Map<CloudEvent, Projection> projected = new IdentityHashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            try {
                CloudEvent event = KafkaCloudEvents.fromRecord(record);
                projections.project(topic, event).ifPresent(projection -> projected.put(event, projection));
                events.add(event);
            } catch (PoisonEventException poison) {
                counts.poison++;
                LOG.debugf("Skipped a poison record of %s (offset %d): %s", record.topic(), record.offset(), poison.getMessage());
            }
        }
        int first = QuarkusTransaction.requiringNew().call(() -> {
            List<CloudEvent> delivered = idempotentConsumer.recordFirstDeliveries(topic, events);
            facts.applyAll(delivered.stream().map(projected::get).filter(Objects::nonNull).toList());
            return delivered.size();
        });
        counts.applied += first;
        counts.duplicates += events.size() - first;
    }
}
