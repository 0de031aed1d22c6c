package fr.sudia.label.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import fr.sudia.label.application.CommitteeDecision.Outcome;
import fr.sudia.label.audit.AuditEntry.SubjectType;
import fr.sudia.label.audit.AuditTrail;
import fr.sudia.label.charter.CharterSignature;
import fr.sudia.label.charter.CharterVersion;
import fr.sudia.label.directory.KnownOrganization;
import fr.sudia.label.label.Label;
import fr.sudia.label.label.LabelLifecycle;
import fr.sudia.label.notice.LabelNotices;
import fr.sudia.platform.concurrency.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/** The application workflow; every step is audited with its actor and reason. */
@ApplicationScoped
public class Applications {

    private final Clock clock;
    private final AuditTrail audit;
    private final LabelLifecycle labels;
    private final LabelNotices notices;

    Applications(Clock clock, AuditTrail audit, LabelLifecycle labels, LabelNotices notices) {
        this.clock = clock;
        this.audit = audit;
        this.labels = labels;
        this.notices = notices;
    }

    @Transactional
    public LabelApplication create(ApplicationForm form, String actor) {
        KnownOrganization organization = KnownOrganization.findKnown(form.organizationId()).orElseThrow(
                () -> new BadRequestException("Organization " + form.organizationId() + " is not in the directory."));
        CharterVersion charter = charterInForce(form.charterVersion());
        Questionnaire.checkAnswers(charter, form.answers());
        LabelApplication application = new LabelApplication();
        application.id = UUID.randomUUID();
        application.organizationId = organization.id;
        application.category = form.category();
        application.charterVersion = charter.version;
        application.answers = List.copyOf(form.answers());
        application.status = ApplicationStatus.DRAFT;
        application.createdAt = now();
        application.createdBy = actor;
        application.updatedAt = application.createdAt;
        application.persist();
        record(application, actor, "CREATED", null);
        return application;
    }

    @Transactional
    public LabelApplication update(UUID id, long expectedVersion, ApplicationForm form, String actor) {
        LabelApplication application = find(id);
        Versions.requireCurrent("Application " + id, application.version, expectedVersion);
        if (!application.organizationId.equals(form.organizationId())) {
            throw new BadRequestException("An application cannot move to another organization.");
        }
        if (!application.status.isEditable()) {
            throw conflict(application, "edited");
        }
        CharterVersion charter = charterInForce(form.charterVersion());
        Questionnaire.checkAnswers(charter, form.answers());
        application.category = form.category();
        application.charterVersion = charter.version;
        application.answers = List.copyOf(form.answers());
        application.updatedAt = now();
        record(application, actor, "ANSWERS_CHANGED", null);
        return application;
    }

    /**
     * Replaying the same Idempotency-Key returns the application as it is, without a second transition. Keys are
     * looked up among the applying organization's own only.
     */
    @Transactional
    public Submission submit(UUID id, String idempotencyKey, String actor) {
        LabelApplication application = find(id);
        SubmissionRequest earlier = SubmissionRequest.find(application.organizationId, idempotencyKey);
        if (earlier != null) {
            if (!earlier.applicationId.equals(id)) {
                throw new ClientErrorException("Your organization used this Idempotency-Key for another application.",
                        Status.CONFLICT);
            }
            return new Submission(application, true);
        }
        ApplicationStatus target = application.status.submitted();
        requireTransition(application, target, "submitted");
        CharterVersion charter = charters(application.charterVersion);
        Questionnaire.checkComplete(charter, application.answers);
        if (!CharterSignature.hasSigned(application.organizationId, application.charterVersion)) {
            throw new ClientErrorException("The organization must sign charter version " + application.charterVersion
                    + " before applying.", Status.CONFLICT);
        }
        SubmissionRequest request = new SubmissionRequest();
        request.organizationId = application.organizationId;
        request.idempotencyKey = idempotencyKey;
        request.applicationId = id;
        request.requestedBy = actor;
        request.requestedAt = now();
        request.persist();
        move(application, target, actor, target == ApplicationStatus.SUBMITTED ? "SUBMITTED" : "RESUBMITTED", null);
        return new Submission(application, false);
    }

    public record Submission(LabelApplication application, boolean replayed) {
    }

    @Transactional
    public LabelApplication startReview(UUID id, String actor) {
        LabelApplication application = find(id);
        requireTransition(application, ApplicationStatus.UNDER_REVIEW, "taken into review");
        move(application, ApplicationStatus.UNDER_REVIEW, actor, "REVIEW_STARTED", null);
        return application;
    }

    @Transactional
    public LabelApplication comment(UUID id, String text, String actor) {
        LabelApplication application = find(id);
        if (!application.status.isInReview()) {
            throw conflict(application, "commented");
        }
        record(application, actor, "COMMENTED", text);
        return application;
    }

    @Transactional
    public LabelApplication requestJustification(UUID id, String text, String actor) {
        LabelApplication application = find(id);
        requireTransition(application, ApplicationStatus.JUSTIFICATION_REQUESTED, "sent back for justification");
        move(application, ApplicationStatus.JUSTIFICATION_REQUESTED, actor, "JUSTIFICATION_REQUESTED", text);
        return application;
    }

    /** A grant creates the label (see LabelLifecycle.grant); a refusal ends the application. */
    @Transactional
    public LabelApplication decide(UUID id, CommitteeDecision decision, String actor) {
        LabelApplication application = find(id);
        ApplicationStatus target = decision.outcome() == Outcome.GRANTED ? ApplicationStatus.GRANTED
                : ApplicationStatus.REFUSED;
        requireTransition(application, target, decision.outcome() == Outcome.GRANTED ? "granted" : "refused");
        if (target == ApplicationStatus.GRANTED) {
            if (KnownOrganization.findKnown(application.organizationId).isEmpty()) {
                throw new ClientErrorException("The organization has left the directory: the label cannot be granted.",
                        Status.CONFLICT);
            }
            int signed = CharterSignature.latestOf(application.organizationId).map(s -> s.charterVersion)
                    .orElse(application.charterVersion);
            Label label = labels.grant(application.organizationId, application.id, application.category,
                    Math.max(signed, application.charterVersion), actor, decision.reasons());
            application.labelNumber = label.number;
        }
        application.decisionReasons = decision.reasons();
        move(application, target, actor, target.name(), decision.reasons());
        return application;
    }

    /** The directory removed the organization: its applications still open are refused. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void organizationRemoved(UUID organizationId, String actor) {
        LabelApplication.<LabelApplication>list("organizationId = ?1 and status not in ?2", organizationId,
                List.of(ApplicationStatus.GRANTED, ApplicationStatus.REFUSED)).forEach(application -> {
                    application.decisionReasons = ORGANIZATION_REMOVED;
                    move(application, ApplicationStatus.REFUSED, actor, "REFUSED", ORGANIZATION_REMOVED);
                });
    }

    static final String ORGANIZATION_REMOVED = "The organization was removed from the directory.";

    public LabelApplication find(UUID id) {
        return LabelApplication.<LabelApplication>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /** Also what another organization's member gets, so that it learns nothing of the application. */
    static NotFoundException notFound(UUID id) {
        return new NotFoundException("Application " + id + " does not exist.");
    }

    private CharterVersion charterInForce(int version) {
        CharterVersion charter = charters(version);
        CharterVersion inForce = CharterVersion.inForceAt(clock.instant()).orElseThrow(
                () -> new ClientErrorException("No charter version is in force yet.", Status.CONFLICT));
        if (charter.version.intValue() != inForce.version.intValue()) {
            throw new BadRequestException("Applications answer the charter in force, version " + inForce.version + ".");
        }
        return charter;
    }

    private static CharterVersion charters(int version) {
        return CharterVersion.<CharterVersion>findByIdOptional(version)
                .orElseThrow(() -> new BadRequestException("Charter version " + version + " does not exist."));
    }

    private static void requireTransition(LabelApplication application, ApplicationStatus target, String verb) {
        if (!application.status.canMoveTo(target)) {
            throw conflict(application, verb);
        }
    }

    private static ClientErrorException conflict(LabelApplication application, String verb) {
        return new ClientErrorException("Application " + application.id + " is " + application.status
                + ": it cannot be " + verb + " now.", Status.CONFLICT);
    }

    private void move(LabelApplication application, ApplicationStatus target, String actor, String action, String reason) {
        ApplicationStatus from = application.status;
        application.status = target;
        application.updatedAt = now();
        audit.record(actor, SubjectType.APPLICATION, application.id.toString(), application.organizationId, action,
                from, target, reason);
        notices.applicationMoved(application, reason);
    }

    private void record(LabelApplication application, String actor, String action, String reason) {
        audit.record(actor, SubjectType.APPLICATION, application.id.toString(), application.organizationId, action,
                application.status, application.status, reason);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
