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
import org.jose4j.jwt.JwtClaims;
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
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
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
    /**
     * An unfinished job whose heartbeat is older than this was interrupted (its service stopped): the heartbeat
     * of a running job moves at every batch, and that of a waiting one at every sweep.
     */
    static final Duration STALLED_AFTER = Duration.ofSeconds(30);

    enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    private final OrganizationRegistry registry;
    private final ImportService imports;
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

    ImportWorker(OrganizationRegistry registry, ImportService imports, CurrentIdentityAssociation identity,
            ImportService.Rejections rejections,
            @ConfigProperty(name = "sudia.import.batch-size", defaultValue = "100") int batchSize) {
        this.registry = registry;
        this.imports = imports;
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
                    "status = ?1, startedAt = coalesce(startedAt, ?2), heartbeatAt = ?2 where id = ?3",
                    ImportJob.Status.RUNNING, now(), jobId));
            for (int from = 0; from < rows.size(); from += batchSize) {
                batch(jobId, rows.subList(from, Math.min(rows.size(), from + batchSize)));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob.update("status = ?1, finishedAt = ?2, heartbeatAt = ?2 where id = ?3", ImportJob.Status.DONE,
                        now(), jobId);
                ImportFile.deleteById(jobId);
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob.update("status = ?1, finishedAt = ?2, heartbeatAt = ?2, error = ?3 where id = ?4",
                        ImportJob.Status.FAILED, now(),
                        "The import stopped on an unexpected error; rows of the batches already done are stored.", jobId);
                ImportFile.deleteById(jobId);
            });
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

    /**
     * Keeps this instance's waiting jobs alive, and takes over the jobs of instances that stopped mid-way (this
     * one before a restart included): each resumes after its last committed batch.
     */
    @Scheduled(every = "10s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<UUID> stalled = QuarkusTransaction.requiringNew().call(() -> {
            if (!mine.isEmpty()) {
                ImportJob.update("heartbeatAt = ?1 where id in ?2 and status in ?3", now(), Set.copyOf(mine),
                        Set.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING));
            }
            return ImportJob.<ImportJob>list("status in ?1 and heartbeatAt < ?2",
                    Set.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING), now().minus(STALLED_AFTER))
                    .stream().map(job -> job.id).toList();
        });
        stalled.forEach(this::takeOver);
    }

    private void takeOver(UUID jobId) {
        OffsetDateTime now = now();
        // Only one instance wins a stalled job: the one whose update finds the heartbeat still old.
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> ImportJob.update(
                "heartbeatAt = ?1 where id = ?2 and status in ?3 and heartbeatAt < ?4", now, jobId,
                Set.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING), now.minus(STALLED_AFTER)) == 1);
        if (!claimed) {
            return;
        }
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(jobId));
        ImportFile file = QuarkusTransaction.requiringNew().call(() -> ImportFile.<ImportFile>findById(jobId));
        if (file == null) {
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                    "status = ?1, finishedAt = ?2, error = ?3 where id = ?4", ImportJob.Status.FAILED, now(),
                    "Interrupted: the service running this import stopped, and the file was not kept. Rows of the "
                            + "batches already done are stored; send the file again to finish (done rows count as unchanged).",
                    jobId));
            return;
        }
        ImportService.CheckedFile checked = imports.check(job.format, file.content);
        // Rows rejected when the file was checked count as processed from the start; the worker's rows follow.
        int done = job.processed - checked.rejected().size();
        List<CheckedRow> rest = checked.accepted().subList(Math.min(Math.max(done, 0), checked.accepted().size()),
                checked.accepted().size());
        LOG.infof("Import %s: resumed after %d of %d rows", jobId, job.processed, job.total);
        submit(jobId, rest, importer(job.createdBy, file.importerRoles));
    }

    /** The editor who sent a file, as a resumed import acts: same subject, same roles. */
    private static SecurityIdentity importer(String subject, List<String> roles) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setStringListClaim("groups", roles);
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addRoles(Set.copyOf(roles)).build();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
