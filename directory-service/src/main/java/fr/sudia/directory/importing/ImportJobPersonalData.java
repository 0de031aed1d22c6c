package fr.sudia.directory.importing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The files a person imported: the jobs stay (their counts and rejections are the import's record), the importer
 * becomes the pseudonym. A job still running goes on under the pseudonym.
 */
@ApplicationScoped
public class ImportJobPersonalData implements PersonalDataHandler {

    public record Import(UUID id, ImportJob.Status status, ImportJob.Format format, String fileSha256, long fileBytes,
            OffsetDateTime createdAt, int total, int created, int updated, int rejected) {
    }

    @Override
    public String dataset() {
        return "imports";
    }

    @Override
    @Transactional
    public List<Import> export(DataSubject person) {
        if (!person.hasSubject()) {
            return List.of();
        }
        return ImportJob.<ImportJob>list("createdBy = ?1 order by createdAt, id", person.subject()).stream()
                .map(j -> new Import(j.id, j.status, j.format, j.fileSha256, j.fileBytes, j.createdAt, j.total, j.created,
                        j.updated, j.rejected)).toList();
    }

    @Override
    @Transactional
    public long erase(DataSubject person, String pseudonym) {
        return person.hasSubject() ? ImportJob.update("createdBy = ?1 where createdBy = ?2", pseudonym, person.subject()) : 0;
    }
}
