package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.sudia.funding.time.DeskTime;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.funding.notice.FundingNotice;
import fr.sudia.funding.notice.FundingNotices;
import fr.sudia.platform.outbox.Outbox;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/** Calls: writing them, moving their phases, their juries, and announcing their opening and results on {@code funding.calls.v1}. */
@ApplicationScoped
public class CallDesk {

    public static final String TOPIC = "funding.calls.v1";
    public static final String RESULT_PUBLISHED = "fr.sudia.funding.call.result-published";
    public static final String OPENED = "fr.sudia.funding.call.opened";

    private final CurrentActor actor;
    private final DeskTime time;
    private final Audit audit;
    private final Outbox outbox;
    private final FundingNotices notices;

    CallDesk(CurrentActor actor, DeskTime time, Audit audit, Outbox outbox, FundingNotices notices) {
        this.notices = notices;
        this.actor = actor;
        this.time = time;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Whether the call takes applications at {@code now}: OPEN, from the opening to the deadline's second included. */
    static boolean accepting(FundingCall call, OffsetDateTime now) {
        return call.phase == CallPhase.OPEN && !now.isBefore(call.opensAt) && !pastDeadline(call, now);
    }

    /** Past the deadline: a submission at 12:00:00.999 meets a 12:00:00 deadline, one at 12:00:01 does not. */
    static boolean pastDeadline(FundingCall call, OffsetDateTime now) {
        return now.truncatedTo(ChronoUnit.SECONDS).isAfter(call.closesAt);
    }

    public OffsetDateTime now() {
        return time.now();
    }

    @Transactional
    public FundingCall create(CallInput input) {
        check(input);
        FundingCall call = new FundingCall();
        call.id = UUID.randomUUID();
        call.phase = CallPhase.DRAFT;
        call.createdBy = actor.subject();
        call.createdAt = time.now();
        apply(call, input);
        call.persist();
        audit.record(call.id, "CALL", call.id, "CREATED", Map.of("call", CallJson.JSON.valueToTree(input)));
        return call;
    }

    @Transactional
    public FundingCall update(UUID id, long expectedVersion, CallInput input) {
        FundingCall call = lock(id);
        Versions.requireCurrent("Call " + id, call.version, expectedVersion);
        if (call.phase != CallPhase.DRAFT) {
            throw new ClientErrorException("Call " + id + " is " + call.phase + "; only a DRAFT call can be rewritten.",
                    Status.CONFLICT);
        }
        check(input);
        apply(call, input);
        audit.record(call.id, "CALL", call.id, "UPDATED", Map.of("call", CallJson.JSON.valueToTree(input)));
        return call;
    }

    /** Moves the call to its next phase; publishing the results announces each laureate. */
    @Transactional
    public FundingCall move(UUID id, CallPhase target) {
        FundingCall call = lock(id);
        if (call.phase.next() != target) {
            throw new ClientErrorException("Call " + id + " is " + call.phase + "; it can only move to "
                    + (call.phase.next() == null ? "no other phase" : call.phase.next()) + ".", Status.CONFLICT);
        }
        OffsetDateTime now = time.now();
        if (target == CallPhase.CLOSED && !pastDeadline(call, now)) {
            throw new ClientErrorException("The deadline of call " + id + " is " + CallView.localText(call.closesAt)
                    + " (Europe/Paris): it cannot be closed before.", Status.CONFLICT);
        }
        List<CallApplication> decided = List.of();
        if (target == CallPhase.RESULTS_PUBLISHED) {
            long undecided = CallApplication.count("callId = ?1 and status = ?2 and outcome is null", id,
                    ApplicationStatus.SUBMITTED);
            if (undecided > 0) {
                throw new ClientErrorException(undecided + " submitted application(s) of call " + id
                        + " have no decision yet: deliberate on each before publishing the results.", Status.CONFLICT);
            }
            decided = CallApplication.list("callId = ?1 and status = ?2 and outcome = ?3 order by id", id,
                    ApplicationStatus.SUBMITTED, Outcome.LAUREATE);
        }
        CallPhase from = call.phase;
        call.phase = target;
        call.updatedAt = now;
        audit.record(call.id, "CALL", call.id, "PHASE_CHANGED", Map.of("from", from.name(), "to", target.name()));
        if (target == CallPhase.OPEN) {
            // Keyed by the call: on the compacted topic the announcement stays beside the laureates (keyed by application).
            outbox.publish(TOPIC, OPENED, call.id.toString(), new CallOpened(call.id, call.kind, call.title, call.editionYear,
                    call.theme, List.copyOf(call.applicantTypes), call.opensAt, call.closesAt, call.totalAmountEur,
                    DeskTime.REGION_ZONE.getId()));
        }
        if (target == CallPhase.RESULTS_PUBLISHED) {
            Map<UUID, Integer> ranks = new HashMap<>();
            ranking(call).forEach(r -> ranks.put(r.applicationId(), r.rank()));
            for (CallApplication laureate : decided) {
                // Keyed by the application: the topic is compacted, and each laureate must survive compaction.
                outbox.publish(TOPIC, RESULT_PUBLISHED, laureate.id.toString(), new CallResultPublished(call.id, call.kind,
                        call.title, call.editionYear, call.theme, laureate.id, laureate.applicantType,
                        laureate.applicantType == ApplicantType.INDIVIDUAL ? null : laureate.organizationId,
                        laureate.outcome, laureate.category, call.kind.awardTitle(call.editionYear, laureate.category),
                        laureate.amountEur, ranks.getOrDefault(laureate.id, 0), now, DeskTime.REGION_ZONE.getId()));
            }
            audit.record(call.id, "CALL", call.id, "RESULTS_PUBLISHED", Map.of("laureates", decided.size()));
            // Every applicant is told their own result, laureate or not: who created the application.
            CallApplication.<CallApplication>list("callId = ?1 and status = ?2 and outcome is not null order by id", id,
                    ApplicationStatus.SUBMITTED).forEach(application -> notices.callResult(application.createdBy, call.id,
                            call.title, new FundingNotice.ApplicationRef(application.id, application.outcome)));
        }
        return call;
    }

    /** The ranking of the call's submitted applications, from the reviews' weighted scores. */
    public List<Ranking.Ranked> ranking(FundingCall call) {
        List<UUID> applications = CallApplication.getEntityManager().createQuery(
                "select a.id from CallApplication a where a.callId = :call and a.status = :status", UUID.class)
                .setParameter("call", call.id).setParameter("status", ApplicationStatus.SUBMITTED).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CallApplication.getEntityManager().createNativeQuery("""
                select application_id, count(*), sum(weighted_score), sum(weighted_score * weighted_score)
                from call_review where call_id = ?1 group by application_id""").setParameter(1, call.id).getResultList();
        Map<UUID, Ranking.Aggregate> aggregates = new HashMap<>();
        for (Object[] row : rows) {
            UUID application = (UUID) row[0];
            aggregates.put(application, new Ranking.Aggregate(application, ((Number) row[1]).longValue(),
                    ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue()));
        }
        return Ranking.rank(applications, aggregates, call.disagreementThreshold);
    }

    /** A jury's size bound, which also bounds the reviews of an application (one per juror). */
    public static final int MAX_JURORS = 50;

    @Transactional
    public boolean assignJuror(UUID callId, String subject) {
        FundingCall call = lock(callId);
        if (call.phase.atLeast(CallPhase.RESULTS_PUBLISHED)) {
            throw new ClientErrorException("The results of call " + callId + " are published; its jury is closed.",
                    Status.CONFLICT);
        }
        if (Juror.findByIdOptional(new Juror.Key(callId, subject)).isPresent()) {
            return false;
        }
        if (Juror.count("callId", callId) >= MAX_JURORS) {
            throw new ClientErrorException("The jury of call " + callId + " already has " + MAX_JURORS
                    + " jurors, the most a call takes; remove one first.", Status.CONFLICT);
        }
        Juror juror = new Juror();
        juror.callId = callId;
        juror.subject = subject;
        juror.assignedBy = actor.subject();
        juror.assignedAt = time.now();
        juror.persist();
        audit.record(callId, "JUROR", callId, "JUROR_ASSIGNED", Map.of("juror", subject));
        notices.juryAssigned(subject, callId, call.title);
        return true;
    }

    @Transactional
    public void removeJuror(UUID callId, String subject) {
        find(callId);
        Juror juror = Juror.<Juror>findByIdOptional(new Juror.Key(callId, subject))
                .orElseThrow(() -> new NotFoundException("No juror " + subject + " on call " + callId + "."));
        juror.delete();
        audit.record(callId, "JUROR", callId, "JUROR_REMOVED", Map.of("juror", subject));
    }

    public List<Juror> jurors(UUID callId) {
        find(callId);
        return Juror.list("callId = ?1 order by subject", callId);
    }

    /** Whether the caller sits on the call's jury (role reviewer or juror, and assigned). */
    public boolean isJuror(UUID callId) {
        return (actor.hasRole(Roles.JUROR) || actor.hasRole(Roles.REVIEWER))
                && Juror.findByIdOptional(new Juror.Key(callId, actor.subject())).isPresent();
    }

    public boolean isStaff() {
        return actor.hasRole(Roles.ADMIN) || actor.hasRole(Roles.ADVISOR);
    }

    /** A call anyone may read: not a draft, unless the caller is staff. */
    public FundingCall readable(UUID id) {
        FundingCall call = find(id);
        if (call.phase == CallPhase.DRAFT && !isStaff()) {
            throw notFound(id);
        }
        return call;
    }

    public static FundingCall find(UUID id) {
        return FundingCall.<FundingCall>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    static FundingCall lock(UUID id) {
        return FundingCall.<FundingCall>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("Call " + id + " does not exist or is not visible to you.");
    }

    private static void check(CallInput input) {
        List<fr.sudia.platform.problem.Problem.Violation> violations = new ArrayList<>(CallForms.checkDefinition(input));
        if (!violations.isEmpty()) {
            throw new InvalidFieldsException(violations);
        }
    }

    private void apply(FundingCall call, CallInput input) {
        call.kind = input.kind();
        call.title = input.title().strip();
        call.editionYear = input.editionYear();
        call.theme = input.theme();
        call.categories = new ArrayList<>(input.categories() == null ? List.of() : input.categories());
        call.descriptionFr = input.descriptionFr();
        call.opensAt = input.opensAt();
        call.closesAt = input.closesAt();
        call.reviewFrom = input.reviewFrom();
        call.deliberationOn = input.deliberationOn();
        call.resultsOn = input.resultsOn();
        call.form = CallJson.write(input.form());
        call.grid = CallJson.write(input.grid());
        call.applicantTypes = new ArrayList<>(input.applicantTypes().stream().map(Enum::name).distinct().toList());
        call.teamsAllowed = input.teamsAllowed();
        call.maxApplicationsPerApplicant = input.maxApplicationsPerApplicant() == null ? 1 : input.maxApplicationsPerApplicant();
        call.anonymisedReview = input.anonymisedReview();
        call.totalAmountEur = input.totalAmountEur();
        call.disagreementThreshold = input.disagreementThreshold() == null ? 15 : input.disagreementThreshold();
        call.updatedAt = time.now();
    }

    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
