package fr.sudia.directory.importing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.sudia.directory.importing.ProfileRows.CheckedRow;
import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationProfile;
import fr.sudia.directory.organization.OrganizationRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;

/**
 * Runs imports in the background, one at a time, in batches: each batch commits in its own transaction
 * with the job's progress, so a row is either fully stored (organization, history, outbox event) or not at
 * all. If a batch fails (a SIREN registered meanwhile...), its rows are retried one by one and only the
 * failing ones are rejected. Rows go through {@link OrganizationRegistry} as the importing editor.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    /** An unfinished job whose heartbeat is older than this was interrupted (its service stopped). */
    static final Duration STALLED_AFTER = Duration.ofMinutes(5);

    enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    private final OrganizationRegistry registry;
    private final CurrentIdentityAssociation identity;
    private final ImportService.Rejections rejections;
    private final int batchSize;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "directory-import");
        thread.setDaemon(true);
        return thread;
    });
    /** Jobs of this instance not finished yet: their heartbeat is kept fresh while they wait. */
    private final Set<UUID> mine = ConcurrentHashMap.newKeySet();

    ImportWorker(OrganizationRegistry registry, CurrentIdentityAssociation identity, ImportService.Rejections rejections,
            @ConfigProperty(name = "sudia.import.batch-size", defaultValue = "100") int batchSize) {
        this.registry = registry;
        this.identity = identity;
        this.rejections = rejections;
        this.batchSize = batchSize;
    }

    void submit(UUID jobId, List<CheckedRow> rows, SecurityIdentity importer) {
        mine.add(jobId);
        executor.submit(() -> run(jobId, rows, importer));
    }

    private void run(UUID jobId, List<CheckedRow> rows, SecurityIdentity importer) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            identity.setIdentity(importer);
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                    "status = ?1, startedAt = ?2, heartbeatAt = ?2 where id = ?3", ImportJob.Status.RUNNING, now(), jobId));
            for (int from = 0; from < rows.size(); from += batchSize) {
                batch(jobId, rows.subList(from, Math.min(rows.size(), from + batchSize)));
            }
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                    "status = ?1, finishedAt = ?2, heartbeatAt = ?2 where id = ?3", ImportJob.Status.DONE, now(), jobId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                    "status = ?1, finishedAt = ?2, heartbeatAt = ?2, error = ?3 where id = ?4", ImportJob.Status.FAILED,
                    now(), "The import stopped on an unexpected error; rows of the batches already done are stored.",
                    jobId));
        } finally {
            mine.remove(jobId);
            requestContext.terminate();
        }
    }

    private void batch(UUID jobId, List<CheckedRow> rows) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                int[] counts = new int[Outcome.values().length];
                rows.forEach(row -> counts[apply(row).ordinal()]++);
                progress(jobId, rows.size(), counts, 0);
            });
        } catch (RuntimeException batchFailure) {
            LOG.debugf(batchFailure, "Import %s: a batch failed, its rows are retried one by one", jobId);
            for (CheckedRow row : rows) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        int[] counts = new int[Outcome.values().length];
                        counts[apply(row).ordinal()]++;
                        progress(jobId, 1, counts, 0);
                    });
                } catch (RuntimeException rowFailure) {
                    String reason;
                    if (rowFailure instanceof WebApplicationException refused) {
                        reason = refused.getMessage();
                    } else {
                        LOG.warnf(rowFailure, "Import %s: line %d could not be stored", jobId, row.line());
                        reason = "could not be stored (" + rowFailure.getClass().getSimpleName() + "); see the service log";
                    }
                    QuarkusTransaction.requiringNew().run(() -> {
                        rejections.rejection(jobId, row.line(), row.rowNumber(), row.name(),
                                List.of(new RowViolation("row", reason))).persist();
                        progress(jobId, 1, new int[Outcome.values().length], 1);
                    });
                }
            }
        }
    }

    /** Registers a new organization, updates one that differs, or leaves an identical one alone. */
    private Outcome apply(CheckedRow checked) {
        OrganizationProfile row = checked.profile();
        Organization existing = match(checked.id(), row);
        if (existing == null) {
            registry.register(row);
            return Outcome.CREATED;
        }
        OrganizationProfile merged = Profiles.keepIdentifiers(row, existing);
        if (Profiles.same(existing, merged)) {
            return Outcome.UNCHANGED;
        }
        registry.update(existing.id, existing.version, merged);
        return Outcome.UPDATED;
    }

    /**
     * The organization a row is about: the one with its id (a re-imported export), else the one with its
     * SIREN, else the only one with its name and city. Several with that name and city: the row is refused.
     */
    static Organization match(UUID id, OrganizationProfile row) {
        if (id != null) {
            Organization byId = Organization.findLive(id).orElse(null);
            if (byId != null) {
                return byId;
            }
        }
        if (row.siren() != null) {
            Organization bySiren = Organization.<Organization>find("siren = ?1 and deletedAt is null", row.siren())
                    .firstResult();
            if (bySiren != null) {
                return bySiren;
            }
        }
        List<Organization> byName = Organization.list("nameKey = ?1 and deletedAt is null order by createdAt, id",
                Organization.nameKey(row.name().strip(), row.city().strip()));
        List<Organization> candidates = byName.stream()
                .filter(o -> row.siren() == null || o.siren == null || o.siren.strip().equals(row.siren())).toList();
        if (candidates.size() > 1) {
            throw new jakarta.ws.rs.ClientErrorException("Several organizations are named " + row.name() + " in "
                    + row.city() + ": give the row its id or SIREN to tell which.", jakarta.ws.rs.core.Response.Status.CONFLICT);
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static void progress(UUID jobId, int processed, int[] counts, int rejected) {
        ImportJob.update("processed = processed + ?1, created = created + ?2, updated = updated + ?3, "
                + "unchanged = unchanged + ?4, rejected = rejected + ?5, heartbeatAt = ?6 where id = ?7", processed,
                counts[Outcome.CREATED.ordinal()], counts[Outcome.UPDATED.ordinal()], counts[Outcome.UNCHANGED.ordinal()],
                rejected, now(), jobId);
    }

    /** Keeps this instance's waiting jobs alive and fails the jobs of instances that stopped mid-way. */
    @Scheduled(every = "60s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!mine.isEmpty()) {
                ImportJob.update("heartbeatAt = ?1 where id in ?2 and status in ?3", now(), Set.copyOf(mine),
                        Set.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING));
            }
            ImportJob.update("status = ?1, finishedAt = ?2, error = ?3 where status in ?4 and heartbeatAt < ?5",
                    ImportJob.Status.FAILED, now(), "Interrupted: the service running this import stopped. "
                            + "Rows of the batches already done are stored; send the file again to finish (done rows "
                            + "count as unchanged).",
                    Set.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING), now().minus(STALLED_AFTER));
        });
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
