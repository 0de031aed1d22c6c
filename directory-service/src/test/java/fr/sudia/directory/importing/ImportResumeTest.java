package fr.sudia.directory.importing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.directory.organization.Organization;
import fr.sudia.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An import whose service stopped mid-way (simulated: the job and its file as a stopped instance leaves them,
 * heartbeat gone quiet) is taken over by the next sweep and resumes after its last committed batch.
 */
@QuarkusTest
class ImportResumeTest {

    @Inject
    ImportWorker worker;

    @Test
    void anInterruptedImportResumesAfterItsLastCommittedBatch() {
        String tag = ImportResourceTest.tag();
        String csv = ImportResourceTest.HEADER
                + "Bad siren " + tag + ",STARTUP,123456789,Nice,06,,,,,\n"   // rejected when the file was checked
                + "Done " + tag + ",STARTUP,,Nice,06,,,,,\n"                 // in the batch committed before the stop
                + "Resumed one " + tag + ",STARTUP,,Toulon,83,,,,,\n"
                + "Resumed two " + tag + ",RESEARCH_LAB,,Avignon,84,,,,,\n";
        UUID jobId = UUID.randomUUID();
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = new ImportJob();
            job.id = jobId;
            job.status = ImportJob.Status.RUNNING;
            job.format = ImportJob.Format.CSV;
            job.fileSha256 = ImportService.sha256(csv.getBytes(StandardCharsets.UTF_8));
            job.fileBytes = csv.length();
            job.createdBy = "dev-editor";
            job.createdAt = longAgo;
            job.startedAt = longAgo;
            job.heartbeatAt = longAgo;
            job.total = 4;
            job.processed = 2; // the rejected row, and "Done", whose batch committed
            job.rejected = 1;
            job.created = 1;
            job.persist();
            ImportFile file = new ImportFile();
            file.jobId = jobId;
            file.content = csv.getBytes(StandardCharsets.UTF_8);
            file.importerRoles = List.of(Roles.EDITOR);
            file.persist();
        });

        worker.sweep();

        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ImportJob.<ImportJob>findById(jobId).status) == ImportJob.Status.DONE);
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(jobId));
        assertEquals(4, job.processed);
        assertEquals(3, job.created, "the row done before the stop, and the two resumed");
        assertEquals(1, job.rejected);
        List<String> names = ImportResourceTest.ours(tag).stream().map(o -> o.name).toList();
        // "Done" was (in this simulation) counted but never stored: the resumed import does not do it again.
        assertEquals(List.of("Resumed one " + tag, "Resumed two " + tag), names);
        Organization resumed = ImportResourceTest.ours(tag).get(0);
        assertEquals("dev-editor", resumed.createdBy, "rows are stored as the editor who sent the file");
        assertNull(QuarkusTransaction.requiringNew().call(() -> ImportFile.findById(jobId)), "the file is gone once done");
        assertTrue(job.finishedAt.isAfter(longAgo));
    }

    @Test
    void aJobThatIsStillAliveIsLeftToItsInstance() {
        UUID jobId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = new ImportJob();
            job.id = jobId;
            job.status = ImportJob.Status.RUNNING;
            job.format = ImportJob.Format.CSV;
            job.fileSha256 = "0".repeat(64);
            job.fileBytes = 1;
            job.createdBy = "dev-editor";
            job.createdAt = now;
            job.heartbeatAt = now;
            job.total = 1;
            job.persist();
        });

        worker.sweep();

        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(jobId));
        assertEquals(ImportJob.Status.RUNNING, job.status);
        assertEquals(0, job.processed);
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update("status = ?1 where id = ?2", ImportJob.Status.FAILED, jobId));
    }
}
