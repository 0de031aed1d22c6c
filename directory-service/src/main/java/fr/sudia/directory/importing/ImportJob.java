package fr.sudia.directory.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One bulk import: the file it came from (SHA-256), who sent it, its state and its counts. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    @Schema(description = "QUEUED: en attente / queued; RUNNING: en cours / running; DONE: terminé / done; FAILED: échoué / "
            + "failed")
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Schema(description = "CSV: fichier CSV / CSV file; JSON: tableau JSON / JSON array")
    public enum Format {
        CSV, JSON
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Format format;

    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;

    @Column(name = "file_bytes", nullable = false)
    public long fileBytes;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** Touched by the worker at every batch; an unfinished job whose heartbeat stops was interrupted. */
    @Column(name = "heartbeat_at", nullable = false)
    public OffsetDateTime heartbeatAt;

    /** Data rows in the file. */
    public int total;

    /** Rows dealt with so far (rejected at validation included). */
    public int processed;

    public int created;

    public int updated;

    public int unchanged;

    public int rejected;

    public String error;
}
