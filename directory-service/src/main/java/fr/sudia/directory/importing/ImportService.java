package fr.sudia.directory.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.directory.importing.ProfileRows.CheckedRow;
import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationProfile;
import fr.sudia.platform.security.CurrentActor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * Starts an import: reads and checks the whole file at once (an unreadable file is a 400 and leaves no
 * trace), records the job with its rejected rows, then hands the good rows to {@link ImportWorker}.
 */
@ApplicationScoped
public class ImportService {

    private final ObjectMapper mapper;
    private final Rejections rejections;
    private final ProfileRows profileRows;
    private final ImportWorker worker;
    private final CurrentActor actor;
    private final CurrentIdentityAssociation identity;

    ImportService(ObjectMapper mapper, Rejections rejections, Validator validator, ImportWorker worker, CurrentActor actor,
            CurrentIdentityAssociation identity) {
        this.mapper = mapper;
        this.rejections = rejections;
        this.profileRows = new ProfileRows(validator);
        this.worker = worker;
        this.actor = actor;
        this.identity = identity;
    }

    public ImportJob start(ImportJob.Format format, byte[] body) {
        if (body == null || body.length == 0) {
            throw new ImportFileException("The file is empty.");
        }
        CheckedFile checked = check(format, body);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.status = ImportJob.Status.QUEUED;
        job.format = format;
        job.fileSha256 = sha256(body);
        job.fileBytes = body.length;
        job.createdBy = actor.subject();
        job.createdAt = now;
        job.heartbeatAt = now;
        job.total = checked.accepted().size() + checked.rejected().size();
        job.rejected = checked.rejected().size();
        job.processed = checked.rejected().size();
        ImportFile file = new ImportFile();
        file.jobId = job.id;
        file.content = body;
        file.importerRoles = List.copyOf(identity.getIdentity().getRoles());
        QuarkusTransaction.requiringNew().run(() -> {
            job.persist();
            file.persist();
            for (CheckedRow row : checked.rejected()) {
                rejections.rejection(job.id, row.line(), row.rowNumber(), row.name(), row.violations()).persist();
            }
        });
        worker.submit(job.id, checked.accepted(), identity.getIdentity());
        return job;
    }

    /** The rows of a file, checked: the same file always gives the same rows, in the same order. */
    record CheckedFile(List<CheckedRow> accepted, List<CheckedRow> rejected) {
    }

    CheckedFile check(ImportJob.Format format, byte[] body) {
        List<RawRow> raw = format == ImportJob.Format.CSV ? CsvRows.read(text(body)).rows() : JsonRows.read(mapper, body);
        if (raw.isEmpty()) {
            throw new ImportFileException("The file has no organization to import, only a header.");
        }
        List<CheckedRow> checked = withoutDuplicates(raw.stream().map(profileRows::check).toList());
        return new CheckedFile(checked.stream().filter(CheckedRow::accepted).toList(),
                checked.stream().filter(row -> !row.accepted()).toList());
    }

    /**
     * A second row for the same organization in one file is rejected: same id; else same SIREN; else same
     * name and city when one of the two rows has no SIREN (it would be matched to the other's organization).
     */
    private static List<CheckedRow> withoutDuplicates(List<CheckedRow> rows) {
        Map<String, Integer> seen = new HashMap<>();
        List<CheckedRow> result = new ArrayList<>();
        for (CheckedRow row : rows) {
            if (!row.accepted()) {
                result.add(row);
                continue;
            }
            OrganizationProfile p = row.profile();
            String nameKey = Organization.nameKey(p.name().strip(), p.city().strip());
            String field;
            Integer first;
            if (row.id() != null) {
                field = "id";
                first = seen.putIfAbsent("id:" + row.id(), row.line());
            } else if (p.siren() != null) {
                field = "siren";
                first = seen.containsKey("siren:" + p.siren()) ? seen.get("siren:" + p.siren()) : seen.get("nosiren:" + nameKey);
                if (first == null) {
                    seen.put("siren:" + p.siren(), row.line());
                    seen.putIfAbsent("name:" + nameKey, row.line());
                } else if (!seen.containsKey("siren:" + p.siren())) {
                    field = "name";
                }
            } else {
                field = "name";
                first = seen.get("name:" + nameKey);
                if (first == null) {
                    seen.put("name:" + nameKey, row.line());
                    seen.put("nosiren:" + nameKey, row.line());
                }
            }
            if (first != null) {
                String same = switch (field) {
                    case "id" -> "id";
                    case "siren" -> "SIREN";
                    default -> "name and city";
                };
                result.add(new CheckedRow(row.line(), row.rowNumber(), row.name(), row.id(), null, List.of(new RowViolation(
                        field, "same organization as line " + first + " of this file (same " + same + ")"))));
            } else {
                result.add(row);
            }
        }
        return result;
    }

    private static String text(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportFileException("The file is not UTF-8 text; save the CSV as UTF-8 and send it again.");
        }
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes rejected rows' reasons as JSON. */
    @ApplicationScoped
    static class Rejections {

        private final ObjectMapper mapper;

        Rejections(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        ImportRejection rejection(UUID jobId, int line, int rowNumber, String name, List<RowViolation> violations) {
            ImportRejection rejection = new ImportRejection();
            rejection.jobId = jobId;
            rejection.line = line;
            rejection.rowNumber = rowNumber;
            rejection.name = name;
            try {
                rejection.violations = mapper.writeValueAsString(violations);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return rejection;
        }
    }
}
