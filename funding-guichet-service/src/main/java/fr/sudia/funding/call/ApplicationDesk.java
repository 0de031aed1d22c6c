package fr.sudia.funding.call;


import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.funding.eligibility.BeneficiaryType;
import fr.sudia.funding.eligibility.EligibilityService;
import fr.sudia.funding.time.DeskTime;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.problem.Problem.Violation;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/**
 * Applications (drafted, edited, submitted and withdrawn until the deadline, to the second), jurors' conflicts
 * and reviews, and the deliberation. Every change is audited.
 */
@ApplicationScoped
public class ApplicationDesk {

    /** An application and whether it replays an earlier request with the same Idempotency-Key. */
    public record Saved(CallApplication application, boolean replayed) {
    }

    private final CurrentActor actor;
    private final DeskTime time;
    private final Audit audit;
    private final CallDesk calls;
    private final EligibilityService beneficiaries;

    ApplicationDesk(CurrentActor actor, DeskTime time, Audit audit, CallDesk calls, EligibilityService beneficiaries) {
        this.beneficiaries = beneficiaries;
        this.actor = actor;
        this.time = time;
        this.audit = audit;
        this.calls = calls;
    }

    @Transactional
    public Saved create(UUID callId, ApplicationInput input, String idempotencyKey) {
        UUID organization = memberOrganization();
        CallApplication earlier = replay(organization, idempotencyKey, "CREATE", null);
        if (earlier != null) {
            return new Saved(earlier, true);
        }
        FundingCall call = CallDesk.lock(callId);
        if (call.phase == CallPhase.DRAFT) {
            throw CallDesk.notFound(callId);
        }
        OffsetDateTime now = time.now();
        requireOpen(call, now);
        checkContent(call, input, false, organization);
        long current = CallApplication.count("callId = ?1 and organizationId = ?2 and status <> ?3", callId, organization,
                ApplicationStatus.WITHDRAWN);
        if (current >= call.maxApplicationsPerApplicant) {
            throw new ClientErrorException("Your organization already has " + current + " application(s) to call " + callId
                    + ", the most it allows (" + call.maxApplicationsPerApplicant + "): edit it or withdraw it first.",
                    Status.CONFLICT);
        }
        CallApplication application = new CallApplication();
        application.id = UUID.randomUUID();
        application.callId = callId;
        application.organizationId = organization;
        application.status = ApplicationStatus.DRAFT;
        application.createdBy = actor.subject();
        application.createdAt = now;
        apply(application, call, input, now);
        application.persist();
        remember(organization, idempotencyKey, "CREATE", application.id);
        audit.record(callId, "APPLICATION", application.id, "DRAFTED", Map.of("title", application.title));
        return new Saved(application, false);
    }

    @Transactional
    public CallApplication update(UUID id, long expectedVersion, ApplicationInput input) {
        CallApplication application = own(id, true);
        Versions.requireCurrent("Application " + id, application.version, expectedVersion);
        FundingCall call = CallDesk.find(application.callId);
        OffsetDateTime now = time.now();
        requireOpen(call, now);
        if (application.status == ApplicationStatus.WITHDRAWN) {
            throw new ClientErrorException("Application " + id + " was withdrawn.", Status.CONFLICT);
        }
        checkContent(call, input, application.status == ApplicationStatus.SUBMITTED, application.organizationId);
        apply(application, call, input, now);
        audit.record(call.id, "APPLICATION", id, "EDITED", Map.of("title", application.title, "status", application.status.name()));
        return application;
    }

    @Transactional
    public Saved submit(UUID id, String idempotencyKey) {
        UUID organization = memberOrganization();
        CallApplication earlier = replay(organization, idempotencyKey, "SUBMIT", id);
        if (earlier != null) {
            return new Saved(earlier, true);
        }
        CallApplication application = own(id, true);
        FundingCall call = CallDesk.find(application.callId);
        OffsetDateTime now = time.now();
        requireOpen(call, now);
        if (application.status != ApplicationStatus.DRAFT) {
            throw new ClientErrorException("Application " + id + " is " + application.status + "; only a DRAFT is submitted.",
                    Status.CONFLICT);
        }
        List<Violation> violations = CallForms.checkAnswers(CallJson.form(call), CallJson.object(application.answers), true);
        if (!violations.isEmpty()) {
            throw new InvalidFieldsException(violations);
        }
        application.status = ApplicationStatus.SUBMITTED;
        application.submittedAt = now;
        application.updatedAt = now;
        remember(organization, idempotencyKey, "SUBMIT", id);
        audit.record(call.id, "APPLICATION", id, "SUBMITTED", Map.of("submittedAt", now.toString()));
        return new Saved(application, false);
    }

    @Transactional
    public CallApplication withdraw(UUID id) {
        CallApplication application = own(id, true);
        FundingCall call = CallDesk.find(application.callId);
        OffsetDateTime now = time.now();
        requireOpen(call, now);
        if (application.status == ApplicationStatus.WITHDRAWN) {
            throw new ClientErrorException("Application " + id + " is already withdrawn.", Status.CONFLICT);
        }
        ApplicationStatus from = application.status;
        application.status = ApplicationStatus.WITHDRAWN;
        application.updatedAt = now;
        audit.record(call.id, "APPLICATION", id, "WITHDRAWN", Map.of("from", from.name()));
        return application;
    }

    /**
     * Stores the file answering a FILE question of the member's own application (replacing an earlier one) while the
     * call takes applications: its size, its declared type and the type its bytes actually have are checked first.
     */
    @Transactional
    public CallAttachment attach(UUID id, String questionId, String declaredType, byte[] content) {
        CallApplication application = own(id, true);
        FundingCall call = CallDesk.find(application.callId);
        OffsetDateTime now = time.now();
        requireOpen(call, now);
        if (application.status == ApplicationStatus.WITHDRAWN) {
            throw new ClientErrorException("Application " + id + " was withdrawn.", Status.CONFLICT);
        }
        Question question = fileQuestion(call, questionId);
        if (content.length == 0) {
            throw new BadRequestException("The file is empty.");
        }
        if (content.length > question.fileLimit()) {
            throw new ClientErrorException("The file has " + content.length + " bytes; question '" + questionId
                    + "' takes at most " + question.fileLimit() + ".", Status.REQUEST_ENTITY_TOO_LARGE);
        }
        if (declaredType == null || !question.acceptedTypes().contains(declaredType)) {
            throw new ClientErrorException("Question '" + questionId + "' takes " + question.acceptedTypes()
                    + " (the request's Content-Type), not " + declaredType + ".", Status.UNSUPPORTED_MEDIA_TYPE);
        }
        String actual = Attachments.typeOf(content);
        if (!declaredType.equals(actual)) {
            throw new BadRequestException("The file is sent as " + declaredType + " but its content is " + actual
                    + ": send the file itself, in one of " + question.acceptedTypes() + ".");
        }
        CallAttachment attachment = CallAttachment.<CallAttachment>findByIdOptional(new CallAttachment.Key(id, questionId))
                .orElseGet(CallAttachment::new);
        boolean replaced = attachment.applicationId != null;
        attachment.applicationId = id;
        attachment.questionId = questionId;
        attachment.mediaType = actual;
        attachment.sizeBytes = content.length;
        attachment.sha256 = Attachments.sha256(content);
        attachment.content = content;
        attachment.uploadedBy = actor.subject();
        attachment.uploadedAt = now;
        if (!replaced) {
            attachment.persist();
        }
        ObjectNode answers = CallJson.object(application.answers);
        answers.set(questionId, Attachments.answer(attachment));
        application.answers = CallJson.write(answers);
        application.updatedAt = now;
        audit.record(call.id, "APPLICATION", id, replaced ? "ATTACHMENT_REPLACED" : "ATTACHMENT_ADDED",
                Map.of("question", questionId, "sha256", attachment.sha256, "bytes", attachment.sizeBytes));
        return attachment;
    }

    /** Removes the file of a FILE question while the call takes applications (then required again to submit). */
    @Transactional
    public void detach(UUID id, String questionId) {
        CallApplication application = own(id, true);
        FundingCall call = CallDesk.find(application.callId);
        OffsetDateTime now = time.now();
        requireOpen(call, now);
        fileQuestion(call, questionId);
        CallAttachment attachment = CallAttachment.<CallAttachment>findByIdOptional(new CallAttachment.Key(id, questionId))
                .orElseThrow(() -> new NotFoundException("Application " + id + " has no file for question '" + questionId + "'."));
        attachment.delete();
        ObjectNode answers = CallJson.object(application.answers);
        answers.remove(questionId);
        application.answers = CallJson.write(answers);
        application.updatedAt = now;
        audit.record(call.id, "APPLICATION", id, "ATTACHMENT_REMOVED", Map.of("question", questionId));
    }

    /** A file as downloaded: its bytes, read inside the transaction (the entity loads them lazily). */
    public record Download(String mediaType, String sha256, byte[] content) {
    }

    /** The file of a FILE question, for whoever may see the application (its organization, staff, its jurors). */
    @Transactional
    public Download attachment(UUID id, String questionId) {
        visible(id);
        CallAttachment attachment = CallAttachment.<CallAttachment>findByIdOptional(new CallAttachment.Key(id, questionId))
                .orElseThrow(() -> new NotFoundException("Application " + id + " has no file for question '" + questionId + "'."));
        return new Download(attachment.mediaType, attachment.sha256, attachment.content);
    }

    private static Question fileQuestion(FundingCall call, String questionId) {
        return CallJson.form(call).stream().filter(q -> q.id().equals(questionId) && q.type() == QuestionType.FILE)
                .findFirst().orElseThrow(() -> new NotFoundException("The form of call " + call.id
                        + " has no file question '" + questionId + "'."));
    }

    /** What the caller may see of an application; anything else is a 404, as if it did not exist. */
    public record Visible(CallApplication application, FundingCall call, boolean anonymised, boolean staff) {
    }

    public Visible visible(UUID id) {
        CallApplication application = CallApplication.<CallApplication>findByIdOptional(id).orElseThrow(() -> notFound(id));
        FundingCall call = CallDesk.find(application.callId);
        if (calls.isStaff()) {
            return new Visible(application, call, false, true);
        }
        if (actor.hasRole(Roles.MEMBER) && application.organizationId.toString().equals(actor.organizationId().orElse(null))) {
            return new Visible(application, call, false, false);
        }
        if (reviewable(application, call) && ConflictOfInterest.findByIdOptional(
                new ConflictOfInterest.Key(id, actor.subject())).isEmpty()) {
            return new Visible(application, call, call.anonymisedReview, false);
        }
        throw notFound(id);
    }

    /** A juror of the call, from the review phase on, on a submitted application of another organization. */
    private boolean reviewable(CallApplication application, FundingCall call) {
        return call.phase.atLeast(CallPhase.REVIEW) && application.status == ApplicationStatus.SUBMITTED
                && !application.organizationId.toString().equals(actor.organizationId().orElse(null))
                && calls.isJuror(call.id);
    }

    @Transactional
    public void declareConflict(UUID id, String reason) {
        CallApplication application = CallApplication.<CallApplication>findByIdOptional(id).orElseThrow(() -> notFound(id));
        FundingCall call = CallDesk.find(application.callId);
        if (!reviewable(application, call)) {
            throw notFound(id);
        }
        if (ConflictOfInterest.findByIdOptional(new ConflictOfInterest.Key(id, actor.subject())).isPresent()) {
            return;
        }
        ConflictOfInterest conflict = new ConflictOfInterest();
        conflict.applicationId = id;
        conflict.juror = actor.subject();
        conflict.reason = reason;
        conflict.declaredAt = time.now();
        conflict.persist();
        Review.delete("applicationId = ?1 and juror = ?2", id, actor.subject());
        audit.record(call.id, "CONFLICT", id, "CONFLICT_DECLARED", Map.of("juror", actor.subject(), "reason", reason));
    }

    @Transactional
    public Review review(UUID id, ReviewInput input) {
        CallApplication application = CallApplication.<CallApplication>findByIdOptional(id).orElseThrow(() -> notFound(id));
        FundingCall call = CallDesk.find(application.callId);
        if (!reviewable(application, call)) {
            throw notFound(id);
        }
        if (ConflictOfInterest.findByIdOptional(new ConflictOfInterest.Key(id, actor.subject())).isPresent()) {
            throw new ForbiddenException("You declared a conflict of interest with application " + id
                    + ": you do not review it.");
        }
        if (call.phase != CallPhase.REVIEW) {
            throw new ClientErrorException("Call " + call.id + " is " + call.phase + "; reviews are written in the REVIEW phase.",
                    Status.CONFLICT);
        }
        List<Criterion> grid = CallJson.grid(call);
        List<Violation> violations = CallForms.checkScores(grid, input.scores());
        if (!violations.isEmpty()) {
            throw new InvalidFieldsException(violations);
        }
        OffsetDateTime now = time.now();
        Review review = Review.<Review>find("applicationId = ?1 and juror = ?2", id, actor.subject()).firstResult();
        boolean created = review == null;
        if (created) {
            review = new Review();
            review.id = UUID.randomUUID();
            review.callId = call.id;
            review.applicationId = id;
            review.juror = actor.subject();
            review.createdAt = now;
        }
        review.scores = CallJson.write(new java.util.TreeMap<>(input.scores()));
        review.weightedScore = Ranking.weighted(grid, input.scores());
        review.comment = input.comment();
        review.updatedAt = now;
        if (created) {
            review.persist();
        }
        audit.record(call.id, "REVIEW", review.id, created ? "SCORED" : "RESCORED",
                Map.of("application", id.toString(), "juror", actor.subject(), "scores", input.scores(),
                        "weightedScore", review.weightedScore));
        return review;
    }

    /** Staff see every review; a juror sees their own until the deliberation, then the jury's. */
    public List<Review> reviews(UUID id) {
        Visible visible = visible(id);
        if (visible.staff() || visible.call().phase.atLeast(CallPhase.DELIBERATION)) {
            return Review.list("applicationId = ?1 order by createdAt, id", id);
        }
        return Review.list("applicationId = ?1 and juror = ?2", id, actor.subject());
    }

    @Transactional
    public CallApplication decide(UUID id, DecisionInput input) {
        CallApplication application = CallApplication.<CallApplication>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
        FundingCall call = CallDesk.find(application.callId);
        if (call.phase != CallPhase.DELIBERATION) {
            throw new ClientErrorException("Call " + call.id + " is " + call.phase + "; decisions are taken in the DELIBERATION phase.",
                    Status.CONFLICT);
        }
        if (application.status != ApplicationStatus.SUBMITTED) {
            throw new ClientErrorException("Application " + id + " is " + application.status + "; only submitted applications are decided.",
                    Status.CONFLICT);
        }
        List<Violation> violations = new ArrayList<>();
        if (input.category() != null && !call.categories.contains(input.category())) {
            violations.add(new Violation("category", "body", call.categories.isEmpty() ? "this call has no categories"
                    : "must be one of " + call.categories));
        }
        if (input.amountEur() != null && call.totalAmountEur == null) {
            violations.add(new Violation("amountEur", "body", "this call awards no amounts"));
        }
        if (input.outcome() == fr.sudia.funding.call.Outcome.NOT_SELECTED && (input.amountEur() != null || input.category() != null)) {
            violations.add(new Violation("outcome", "body", "an application not selected wins no amount nor category"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidFieldsException(violations);
        }
        application.outcome = input.outcome();
        application.decisionReasons = input.reasons();
        application.feedback = input.feedback();
        application.category = input.category();
        application.amountEur = input.amountEur();
        application.decidedBy = actor.subject();
        application.decidedAt = time.now();
        application.updatedAt = application.decidedAt;
        audit.record(call.id, "DECISION", id, "DECIDED", CallDesk.details("outcome", input.outcome().name(),
                "reasons", input.reasons(), "category", input.category(), "amountEur", input.amountEur()));
        return application;
    }

    /** A member's own application, 404 for anyone else's. */
    private CallApplication own(UUID id, boolean lock) {
        UUID organization = memberOrganization();
        CallApplication application = (lock
                ? CallApplication.<CallApplication>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                : CallApplication.<CallApplication>findByIdOptional(id)).orElseThrow(() -> notFound(id));
        if (!application.organizationId.equals(organization)) {
            throw notFound(id);
        }
        return application;
    }

    private void requireOpen(FundingCall call, OffsetDateTime now) {
        if (call.phase != CallPhase.OPEN || now.isBefore(call.opensAt)) {
            throw new ClientErrorException("Call " + call.id + " does not take applications now (phase " + call.phase
                    + ", opening " + CallView.localText(call.opensAt) + " Europe/Paris).", Status.CONFLICT);
        }
        if (CallDesk.pastDeadline(call, now)) {
            throw new ClientErrorException("Too late: the deadline of call " + call.id + " was "
                    + CallView.localText(call.closesAt) + " (Europe/Paris) and it is now "
                    + CallView.localText(now)
                    + ". Applications can no longer be submitted, changed or withdrawn.", Status.CONFLICT);
        }
    }

    private void checkContent(FundingCall call, ApplicationInput input, boolean complete, UUID organization) {
        List<Violation> violations = new ArrayList<>();
        if (!call.applicantTypes.contains(input.applicantType().name())) {
            violations.add(new Violation("applicantType", "body", "this call is open to " + call.applicantTypes));
        } else {
            BeneficiaryType required = input.applicantType().requiredBeneficiaryType();
            BeneficiaryType known = required == null ? null : beneficiaries.knownType(organization);
            if (known != null && known != required) {
                violations.add(new Violation("applicantType", "body", "your organization is " + known.words()
                        + " (directory kind, or its completed beneficiary details), not " + required.words()));
            }
        }
        if (!call.teamsAllowed && input.team() != null && !input.team().isEmpty()) {
            violations.add(new Violation("team", "body", "this call takes no team applications"));
        }
        violations.addAll(CallForms.checkAnswers(CallJson.form(call), Attachments.withoutFiles(call, input.answers()), complete));
        if (!violations.isEmpty()) {
            throw new InvalidFieldsException(violations);
        }
    }

    private static void apply(CallApplication application, FundingCall call, ApplicationInput input, OffsetDateTime now) {
        application.applicantType = input.applicantType();
        application.applicantName = input.applicantName().strip();
        application.title = input.title().strip();
        application.team = CallJson.write(input.team() == null ? List.of() : input.team());
        ObjectNode answers = Attachments.withStoredFiles(call, input.answers(),
                application.answers == null ? null : CallJson.object(application.answers));
        application.answers = CallJson.write(answers);
        application.updatedAt = now;
    }

    private static CallApplication replay(UUID organization, String key, String operation, UUID applicationId) {
        if (key == null) {
            return null;
        }
        Object[] row = (Object[]) CallApplication.getEntityManager().createNativeQuery(
                "select operation, application_id from call_idempotency where organization_id = ?1 and key = ?2")
                .setParameter(1, organization).setParameter(2, key).getResultStream().findFirst().orElse(null);
        if (row == null) {
            return null;
        }
        if (!operation.equals(row[0]) || applicationId != null && !applicationId.equals(row[1])) {
            throw new ClientErrorException("This Idempotency-Key was already used by your organization for another request.",
                    422);
        }
        return CallApplication.findById(row[1]);
    }

    private static void remember(UUID organization, String key, String operation, UUID applicationId) {
        if (key == null) {
            return;
        }
        CallApplication.getEntityManager().flush();
        int inserted = CallApplication.getEntityManager().createNativeQuery("""
                insert into call_idempotency (organization_id, key, operation, application_id) values (?1, ?2, ?3, ?4)
                on conflict do nothing""").setParameter(1, organization).setParameter(2, key).setParameter(3, operation)
                .setParameter(4, applicationId).executeUpdate();
        if (inserted == 0) {
            throw new ClientErrorException("A request with this Idempotency-Key is being handled at the same time; retry to get it.",
                    Status.CONFLICT);
        }
    }

    UUID memberOrganization() {
        if (!actor.hasRole(Roles.MEMBER)) {
            throw new ForbiddenException("Only a member representing an organization applies.");
        }
        String organization = actor.organizationId().orElseThrow(
                () -> new ForbiddenException("This token does not represent an organization."));
        try {
            return UUID.fromString(organization);
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("This token's organization is not a directory id.");
        }
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("Application " + id + " does not exist or is not visible to you.");
    }
}
