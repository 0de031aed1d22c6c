package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The calls' personal data by token subject (issue 21). A public call's record must stay to account for its
 * decisions (who applied, what was judged, by whom, why, what was granted: GDPR art. 17(3)(b) and (e)): there the
 * person's subject becomes the pseudonym and their name goes where it is theirs; what has no such use (an individual's
 * draft or withdrawn application, a nomination the jury never kept) is deleted. docs/personal-data.md says it field by
 * field.
 */
public final class CallPersonalData {

    private CallPersonalData() {
    }

    /** Calls an admin or advisor wrote: the call is public content, its author becomes the pseudonym. */
    @ApplicationScoped
    public static class Calls implements PersonalDataHandler {

        public record Written(UUID id, CallKind kind, String title, int editionYear, OffsetDateTime createdAt) {
        }

        @Override
        public String dataset() {
            return "calls";
        }

        @Override
        @Transactional
        public List<Written> export(DataSubject person) {
            return !person.hasSubject() ? List.of()
                    : FundingCall.<FundingCall>list("createdBy = ?1 order by createdAt, id", person.subject()).stream()
                            .map(c -> new Written(c.id, c.kind, c.title, c.editionYear, c.createdAt)).toList();
        }

        @Override
        @Transactional
        public long erase(DataSubject person, String pseudonym) {
            return person.hasSubject() ? FundingCall.update("createdBy = ?1 where createdBy = ?2", pseudonym, person.subject()) : 0;
        }
    }

    /**
     * Applications the person wrote, and decisions they took. An individual's (applicant type INDIVIDUAL) draft or
     * withdrawn application is deleted with its files; a submitted one stays as the evidence of the call's decision,
     * the applicant's name (theirs) replaced by the pseudonym. An organization's application is the organization's: it
     * stays, its author becoming the pseudonym. A deciding admin becomes the pseudonym; the reasons stay.
     */
    @ApplicationScoped
    public static class Applications implements PersonalDataHandler {

        private final EntityManager em;

        Applications(EntityManager em) {
            this.em = em;
        }

        public record Application(UUID id, UUID callId, boolean wrote, boolean decided, ApplicantType applicantType,
                String applicantName, String title, JsonNode team, JsonNode answers, ApplicationStatus status,
                OffsetDateTime createdAt, OffsetDateTime submittedAt, Outcome outcome, Long amountEur, String decisionReasons,
                String feedback) {
        }

        @Override
        public String dataset() {
            return "call-applications";
        }

        @Override
        @Transactional
        public List<Application> export(DataSubject person) {
            if (!person.hasSubject()) {
                return List.of();
            }
            return CallApplication.<CallApplication>list("createdBy = ?1 or decidedBy = ?1 order by createdAt, id",
                    person.subject()).stream().map(a -> new Application(a.id, a.callId,
                            person.subject().equals(a.createdBy), person.subject().equals(a.decidedBy), a.applicantType,
                            a.applicantName, a.title, CallJson.tree(a.team), CallJson.tree(a.answers), a.status,
                            a.createdAt, a.submittedAt, a.outcome, a.amountEur, a.decisionReasons, a.feedback)).toList();
        }

        @Override
        @Transactional
        public long erase(DataSubject person, String pseudonym) {
            if (!person.hasSubject()) {
                return 0;
            }
            long changed = 0;
            for (CallApplication application : CallApplication.<CallApplication>list("createdBy = ?1 or decidedBy = ?1",
                    person.subject())) {
                boolean individual = application.applicantType == ApplicantType.INDIVIDUAL;
                if (person.subject().equals(application.createdBy) && individual
                        && application.status != ApplicationStatus.SUBMITTED) {
                    delete(application);
                    changed++;
                    continue;
                }
                if (person.subject().equals(application.createdBy)) {
                    application.createdBy = pseudonym;
                    if (individual) {
                        application.applicantName = pseudonym;
                    }
                }
                if (person.subject().equals(application.decidedBy)) {
                    application.decidedBy = pseudonym;
                }
                changed++;
            }
            return changed;
        }

        private void delete(CallApplication application) {
            for (String table : List.of("call_attachment", "call_idempotency", "call_conflict", "call_review")) {
                em.createNativeQuery("delete from " + table + " where application_id = ?1").setParameter(1, application.id)
                        .executeUpdate();
            }
            application.delete();
        }
    }

    /** Files' uploaders: the files are the application's content and go or stay with it; the uploader is pseudonymized. */
    @ApplicationScoped
    public static class Attachments implements PersonalDataHandler {

        public record Uploaded(UUID applicationId, String questionId, String mediaType, int sizeBytes, String sha256,
                OffsetDateTime uploadedAt) {
        }

        @Override
        public String dataset() {
            return "call-attachments";
        }

        @Override
        @Transactional
        public List<Uploaded> export(DataSubject person) {
            return !person.hasSubject() ? List.of()
                    : CallAttachment.<CallAttachment>list("uploadedBy = ?1 order by uploadedAt", person.subject()).stream()
                            .map(a -> new Uploaded(a.applicationId, a.questionId, a.mediaType, a.sizeBytes, a.sha256,
                                    a.uploadedAt)).toList();
        }

        @Override
        @Transactional
        public long erase(DataSubject person, String pseudonym) {
            return person.hasSubject()
                    ? CallAttachment.update("uploadedBy = ?1 where uploadedBy = ?2", pseudonym, person.subject())
                    : 0;
        }
    }

    /**
     * The jury: a juror's seats, conflicts of interest and reviews are the evidence of an impartial review, kept under
     * the pseudonym (scores, comments and declared reasons included); an assigning admin becomes the pseudonym too.
     */
    @ApplicationScoped
    public static class Jury implements PersonalDataHandler {

        private final EntityManager em;

        Jury(EntityManager em) {
            this.em = em;
        }

        public record Seat(UUID callId, boolean juror, boolean assigned, OffsetDateTime assignedAt) {
        }

        public record Conflict(UUID applicationId, String reason, OffsetDateTime declaredAt) {
        }

        public record Scored(UUID id, UUID callId, UUID applicationId, Map<String, Double> scores, double weightedScore,
                String comment, OffsetDateTime updatedAt) {
        }

        /** One juror's part: seats (or assignments made), conflicts declared, reviews written. */
        public record JuryRecord(String kind, Object value) {
        }

        @Override
        public String dataset() {
            return "call-jury";
        }

        @Override
        @Transactional
        public List<JuryRecord> export(DataSubject person) {
            if (!person.hasSubject()) {
                return List.of();
            }
            String subject = person.subject();
            var seats = Juror.<Juror>list("subject = ?1 or assignedBy = ?1 order by assignedAt", subject).stream()
                    .map(j -> new JuryRecord("seat", new Seat(j.callId, subject.equals(j.subject), subject.equals(j.assignedBy),
                            j.assignedAt)));
            var conflicts = ConflictOfInterest.<ConflictOfInterest>list("juror = ?1 order by declaredAt", subject).stream()
                    .map(c -> new JuryRecord("conflict", new Conflict(c.applicationId, c.reason, c.declaredAt)));
            var reviews = Review.<Review>list("juror = ?1 order by createdAt", subject).stream()
                    .map(r -> new JuryRecord("review", new Scored(r.id, r.callId, r.applicationId, CallJson.scores(r),
                            r.weightedScore, r.comment, r.updatedAt)));
            return java.util.stream.Stream.of(seats, conflicts, reviews).flatMap(s -> s).toList();
        }

        @Override
        @Transactional
        public long erase(DataSubject person, String pseudonym) {
            if (!person.hasSubject()) {
                return 0;
            }
            // Subjects in primary keys: changed in SQL (the persistence context has none of these rows loaded here).
            long changed = 0;
            for (String sql : List.of("update call_juror set subject = ?2 where subject = ?1",
                    "update call_juror set assigned_by = ?2 where assigned_by = ?1",
                    "update call_conflict set juror = ?2 where juror = ?1",
                    "update call_review set juror = ?2, version = version + 1 where juror = ?1")) {
                changed += em.createNativeQuery(sql).setParameter(1, person.subject()).setParameter(2, pseudonym)
                        .executeUpdate();
            }
            return changed;
        }
    }

    /**
     * Nominations: one the jury never shortlisted is deleted when its author asks (nothing to account for); a
     * shortlisted one stays, its author (and a shortlisting juror) becoming the pseudonym. A nominee is named by
     * their nominator, with no email or subject to match a request to: out of reach of requests, like speakers.
     */
    @ApplicationScoped
    public static class Nominations implements PersonalDataHandler {

        public record Nominated(UUID id, UUID callId, boolean nominated, boolean shortlister, Nomination.NomineeKind nomineeKind,
                String nomineeName, String reason, boolean shortlisted, OffsetDateTime createdAt) {
        }

        @Override
        public String dataset() {
            return "call-nominations";
        }

        @Override
        @Transactional
        public List<Nominated> export(DataSubject person) {
            if (!person.hasSubject()) {
                return List.of();
            }
            String subject = person.subject();
            return Nomination.<Nomination>list("nominatedBy = ?1 or shortlistedBy = ?1 order by createdAt, id", subject)
                    .stream().map(n -> new Nominated(n.id, n.callId, subject.equals(n.nominatedBy),
                            subject.equals(n.shortlistedBy), n.nomineeKind, n.nomineeName, n.reason, n.shortlisted,
                            n.createdAt)).toList();
        }

        @Override
        @Transactional
        public long erase(DataSubject person, String pseudonym) {
            if (!person.hasSubject()) {
                return 0;
            }
            long deleted = Nomination.delete("nominatedBy = ?1 and shortlisted = false", person.subject());
            return deleted + Nomination.update("""
                    nominatedBy = case when nominatedBy = ?1 then ?2 else nominatedBy end,
                    shortlistedBy = case when shortlistedBy = ?1 then ?2 else shortlistedBy end,
                    version = version + 1
                    where nominatedBy = ?1 or shortlistedBy = ?1""", person.subject(), pseudonym);
        }
    }

    /**
     * The audit trail: entries stay; the actor, and a juror named in the details, become the pseudonym. The digests
     * stay as they were, so the chain verifies as before ({@link AuditChain}).
     */
    @ApplicationScoped
    public static class AuditTrail implements PersonalDataHandler {

        public record Entry(long id, UUID callId, String entity, UUID entityId, String action, OffsetDateTime at) {
        }

        @Override
        public String dataset() {
            return "call-audit";
        }

        @Override
        @Transactional
        public List<Entry> export(DataSubject person) {
            if (!person.hasSubject()) {
                return List.of();
            }
            return AuditEntry.<AuditEntry>list("actor = ?1 order by id", person.subject()).stream()
                    .map(e -> new Entry(e.id, e.callId, e.entity, e.entityId, e.action, e.at)).toList();
        }

        @Override
        @Transactional
        public long erase(DataSubject person, String pseudonym) {
            if (!person.hasSubject()) {
                return 0;
            }
            long changed = 0;
            for (AuditEntry entry : AuditEntry.<AuditEntry>list("actor = ?1 or details like ?2 order by id", person.subject(),
                    "%" + person.subject() + "%")) {
                boolean touched = false;
                if (person.subject().equals(entry.actor)) {
                    entry.actor = pseudonym;
                    touched = true;
                }
                JsonNode details = CallJson.tree(entry.details);
                if (details instanceof ObjectNode object) {
                    for (String member : AuditChain.SUBJECT_MEMBERS) {
                        if (object.path(member).isTextual() && object.get(member).asText().equals(person.subject())) {
                            object.put(member, pseudonym);
                            touched = true;
                        }
                    }
                }
                if (touched) {
                    entry.details = CallJson.write(details);
                    changed++;
                }
            }
            return changed;
        }
    }
}
