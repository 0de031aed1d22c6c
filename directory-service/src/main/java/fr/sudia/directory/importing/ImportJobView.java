package fr.sudia.directory.importing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An import job as the API shows it: state, counts, progress and the rejected rows with their reasons. */
@Schema(name = "ImportJob", description = "A bulk import of organizations and its report")
public record ImportJobView(
        @Schema(examples = "0b9f5c1e-3c1a-4a53-8f7e-2f2f6b1d9a11") UUID id,
        @Schema(description = "QUEUED, then RUNNING, then DONE (or FAILED)") ImportJob.Status status,
        ImportJob.Format format,
        @Schema(description = "SHA-256 of the file as received, hex", examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String fileSha256,
        @Schema(description = "Size of the file in bytes") long fileBytes,
        @Schema(description = "Subject of the token that sent the file", examples = "dev-editor") String createdBy,
        OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime startedAt,
        @Schema(nullable = true) OffsetDateTime finishedAt,
        Counts counts,
        @Schema(description = "Rows dealt with so far") int processed,
        @Schema(description = "processed / total, from 0 to 1", examples = "0.42") double progress,
        @Schema(description = "Why a FAILED job stopped", nullable = true) String error,
        @Schema(description = "The first 100 rejected rows, by line (counts.rejected says how many there are; all of "
                + "them, a page at a time: listImportRejections)") List<RejectedRow> rejectedRows) {

    /** How many rejected rows the job shows itself. */
    static final int REJECTED_ROWS_SHOWN = 100;

    @Schema(name = "ImportCounts", description = "total = accepted + unchanged + rejected once the job is DONE")
    public record Counts(
            @Schema(description = "Data rows in the file") int total,
            @Schema(description = "Rows stored: created + updated") int accepted,
            @Schema(description = "New organizations") int created,
            @Schema(description = "Existing organizations (same SIREN, else same name and city) whose profile changed") int updated,
            @Schema(description = "Rows identical to the stored organization: nothing written, no event") int unchanged,
            @Schema(description = "Rows not stored, see rejectedRows") int rejected) {
    }

    @Schema(name = "ImportRejectedRow")
    public record RejectedRow(
            @Schema(description = "Line of the file where the row starts (a CSV header is line 1)", examples = "7") int line,
            @Schema(description = "Position among the data rows, from 1", examples = "6") int row,
            @Schema(nullable = true, examples = "Therapixel") String name,
            List<RowViolation> violations) {
    }

    static ImportJobView of(ImportJob job, List<ImportRejection> rejections, ObjectMapper mapper) {
        List<RejectedRow> rows = rejections.stream().map(r -> rejectedRow(r, mapper)).toList();
        return new ImportJobView(job.id, job.status, job.format, job.fileSha256, job.fileBytes, job.createdBy,
                job.createdAt, job.startedAt, job.finishedAt,
                new Counts(job.total, job.created + job.updated, job.created, job.updated, job.unchanged, job.rejected),
                job.processed, job.total == 0 ? 1.0 : Math.min(1.0, (double) job.processed / job.total), job.error, rows);
    }

    static RejectedRow rejectedRow(ImportRejection rejection, ObjectMapper mapper) {
        return new RejectedRow(rejection.line, rejection.rowNumber, rejection.name, violations(mapper, rejection.violations));
    }

    private static List<RowViolation> violations(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<RowViolation>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
