package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

/** Lists: calls, applications (each caller seeing what it may), ranking, laureates, audit. */
@ApplicationScoped
public class CallQueries {

    private final EntityManager em;
    private final CurrentActor actor;
    private final CallDesk calls;
    private final ApplicationDesk applications;
    private final Audit audit;

    CallQueries(EntityManager em, CurrentActor actor, CallDesk calls, ApplicationDesk applications, Audit audit) {
        this.audit = audit;
        this.em = em;
        this.actor = actor;
        this.calls = calls;
        this.applications = applications;
    }

    /** Latest deadline first; drafts only for staff. */
    @Transactional
    public Page<CallView> listCalls(List<CallKind> kinds, List<CallPhase> phases, int limit, String cursor) {
        StringBuilder jpql = new StringBuilder("from FundingCall c where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!calls.isStaff()) {
            jpql.append(" and c.phase <> :draft");
            parameters.put("draft", CallPhase.DRAFT);
        }
        if (kinds != null && !kinds.isEmpty()) {
            jpql.append(" and c.kind in :kinds");
            parameters.put("kinds", kinds);
        }
        if (phases != null && !phases.isEmpty()) {
            jpql.append(" and c.phase in :phases");
            parameters.put("phases", phases);
        }
        keyset(jpql, parameters, "c.closesAt", "c.id", cursor);
        jpql.append(" order by c.closesAt desc, c.id desc");
        var query = em.createQuery(jpql.toString(), FundingCall.class).setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        OffsetDateTime now = calls.now();
        return Page.fromKeyset(query.getResultList(), limit, c -> List.of(c.closesAt.toInstant().toString(), c.id.toString()),
                c -> CallView.of(c, now));
    }

    /** Staff: all; a member: its organization's; a juror: the submitted applications it may review. Newest first. */
    @Transactional
    public Page<ApplicationView> listApplications(UUID callId, List<ApplicationStatus> statuses, int limit, String cursor) {
        FundingCall call = calls.readable(callId);
        StringBuilder jpql = new StringBuilder("from CallApplication a where a.callId = :call");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("call", callId);
        boolean staff = calls.isStaff();
        boolean anonymised = false;
        if (!staff) {
            String organization = actor.organizationId().orElse(null);
            if (actor.hasRole(Roles.MEMBER) && organization != null) {
                jpql.append(" and a.organizationId = :organization");
                parameters.put("organization", parse(organization));
            } else if (calls.isJuror(callId) && call.phase.atLeast(CallPhase.REVIEW)) {
                anonymised = call.anonymisedReview;
                jpql.append(" and a.status = :submitted and not exists (select 1 from ConflictOfInterest c "
                        + "where c.applicationId = a.id and c.juror = :me)");
                parameters.put("submitted", ApplicationStatus.SUBMITTED);
                parameters.put("me", actor.subject());
                if (organization != null) {
                    jpql.append(" and a.organizationId <> :own");
                    parameters.put("own", parse(organization));
                }
            } else {
                return new Page<>(List.of(), null);
            }
        }
        if (statuses != null && !statuses.isEmpty()) {
            jpql.append(" and a.status in :statuses");
            parameters.put("statuses", statuses);
        }
        keyset(jpql, parameters, "a.createdAt", "a.id", cursor);
        jpql.append(" order by a.createdAt desc, a.id desc");
        var query = em.createQuery(jpql.toString(), CallApplication.class).setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        boolean hide = anonymised;
        return Page.fromKeyset(query.getResultList(), limit, a -> List.of(a.createdAt.toInstant().toString(), a.id.toString()),
                a -> ApplicationView.of(a, call, hide, staff));
    }

    /** Staff from the review phase on; the call's jurors from the deliberation on (never before: scores stay hidden). */
    @Transactional
    public RankingView ranking(UUID callId, int limit, String cursor) {
        FundingCall call = calls.readable(callId);
        boolean staff = calls.isStaff();
        if (!(staff && call.phase.atLeast(CallPhase.REVIEW) || calls.isJuror(callId) && call.phase.atLeast(CallPhase.DELIBERATION))) {
            throw new NotFoundException("The ranking of call " + callId + " is not visible to you now: staff see it from the "
                    + "REVIEW phase, jurors from the DELIBERATION phase.");
        }
        List<Ranking.Ranked> ranked = calls.ranking(call);
        List<String> after = Cursor.decode(cursor, 1);
        int from = after.isEmpty() ? 0 : (int) Cursor.number(after.get(0));
        if (from < 0 || from > ranked.size()) {
            throw new BadRequestException("The cursor parameter is not one this list issued; start again without it.");
        }
        List<Ranking.Ranked> page = ranked.subList(from, Math.min(ranked.size(), from + limit));
        Map<UUID, CallApplication> byId = page.isEmpty() ? Map.of()
                : CallApplication.<CallApplication>list("id in ?1", page.stream().map(Ranking.Ranked::applicationId).toList())
                        .stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        boolean hide = call.anonymisedReview && !staff;
        List<RankingView.Row> rows = page.stream().map(r -> {
            CallApplication a = byId.get(r.applicationId());
            return new RankingView.Row(r.rank(), r.applicationId(), a.title, hide ? null : a.applicantName, r.reviews(),
                    r.meanScore(), r.standardDeviation(), r.disagreement(), a.outcome);
        }).toList();
        int next = from + page.size();
        return new RankingView(callId, call.phase, call.disagreementThreshold, ranked.size(), rows,
                next < ranked.size() ? Cursor.encode(List.of(Integer.toString(next))) : null);
    }

    /** Public once the results are published: the laureates, best ranked first. */
    @Transactional
    public List<LaureateView> laureates(UUID callId) {
        FundingCall call = calls.readable(callId);
        if (call.phase != CallPhase.RESULTS_PUBLISHED) {
            throw new NotFoundException("The results of call " + callId + " are not published yet.");
        }
        Map<UUID, Integer> ranks = new HashMap<>();
        calls.ranking(call).forEach(r -> ranks.put(r.applicationId(), r.rank()));
        return CallApplication.<CallApplication>list("callId = ?1 and status = ?2 and outcome = ?3", callId,
                ApplicationStatus.SUBMITTED, Outcome.LAUREATE).stream()
                .sorted(java.util.Comparator.<CallApplication>comparingInt(a -> ranks.getOrDefault(a.id, Integer.MAX_VALUE))
                        .thenComparing(a -> a.id))
                .map(a -> new LaureateView(a.id, a.applicantName, a.applicantType,
                        a.applicantType == ApplicantType.INDIVIDUAL ? null : a.organizationId, a.title, a.category,
                        a.amountEur, call.kind.awardTitle(call.editionYear, a.category)))
                .toList();
    }

    @Transactional
    public Audit.Verification verifyAudit(UUID callId) {
        CallDesk.find(callId);
        return audit.verify(callId);
    }

    @Transactional
    public Page<AuditView> audit(UUID callId, int limit, String cursor) {
        CallDesk.find(callId);
        List<String> after = Cursor.decode(cursor, 1);
        List<AuditEntry> rows = after.isEmpty()
                ? AuditEntry.find("callId = ?1 order by id", callId).page(0, limit + 1).list()
                : AuditEntry.find("callId = ?1 and id > ?2 order by id", callId, Cursor.number(after.get(0))).page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, e -> List.of(Long.toString(e.id)), AuditView::of);
    }

    private static void keyset(StringBuilder jpql, Map<String, Object> parameters, String at, String id, String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        if (!after.isEmpty()) {
            jpql.append(" and (" + at + " < :afterAt or (" + at + " = :afterAt and " + id + " < :afterId))");
            parameters.put("afterAt", Cursor.time(after.get(0)));
            parameters.put("afterId", Cursor.uuid(after.get(1)));
        }
    }

    private static UUID parse(String organization) {
        try {
            return UUID.fromString(organization);
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.ForbiddenException("This token's organization is not a directory id.");
        }
    }
}
