package fr.sudia.funding.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Lists of requests, each caller seeing only its own, and the desk's figures. */
@ApplicationScoped
public class RequestQueries {

    private final EntityManager entityManager;
    private final CurrentActor actor;
    private final RequestDesk desk;

    RequestQueries(EntityManager entityManager, CurrentActor actor, RequestDesk desk) {
        this.entityManager = entityManager;
        this.actor = actor;
        this.desk = desk;
    }

    /** Newest first, keyset-paged on (submittedAt, id). */
    @Transactional
    public Page<RequestView> list(List<RequestStatus> statuses, Boolean reminderDue, int limit, String cursor) {
        StringBuilder jpql = new StringBuilder("from FundingRequest r where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!actor.hasRole(Roles.ADMIN)) {
            if (actor.hasRole(Roles.ADVISOR)) {
                jpql.append(" and exists (select 1 from RequestAssignment a where a.request = r and a.advisor = :me)");
                parameters.put("me", actor.subject());
            } else if (actor.hasRole(Roles.PRESCRIBER)) {
                jpql.append(" and r.prescribedBy = :me");
                parameters.put("me", actor.subject());
            } else {
                jpql.append(" and r.organizationId = :organization");
                parameters.put("organization", desk.memberOrganization());
            }
        }
        if (statuses != null && !statuses.isEmpty()) {
            jpql.append(" and r.status in :statuses");
            parameters.put("statuses", statuses);
        }
        if (reminderDue != null) {
            jpql.append(" and r.reminderDue = :reminderDue");
            parameters.put("reminderDue", reminderDue);
        }
        List<String> after = Cursor.decode(cursor, 2);
        if (!after.isEmpty()) {
            jpql.append(" and (r.submittedAt < :afterAt or (r.submittedAt = :afterAt and r.id < :afterId))");
            parameters.put("afterAt", Cursor.time(after.get(0)));
            parameters.put("afterId", Cursor.uuid(after.get(1)));
        }
        jpql.append(" order by r.submittedAt desc, r.id desc");
        var query = entityManager.createQuery(jpql.toString(), FundingRequest.class).setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        List<FundingRequest> rows = query.getResultList();
        return Page.fromKeyset(rows, limit, r -> List.of(r.submittedAt.toString(), r.id.toString()), RequestView::of);
    }

    @Transactional
    public Dashboard dashboard() {
        Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            byStatus.put(status, 0L);
        }
        long total = 0;
        for (Object[] row : rows("select status, count(*) from funding_request group by status")) {
            long count = ((Number) row[1]).longValue();
            byStatus.put(RequestStatus.valueOf((String) row[0]), count);
            total += count;
        }
        Map<String, Long> byPillar = new TreeMap<>();
        for (Object[] row : rows("select p, count(*) from funding_request cross join unnest(pillars) p group by p")) {
            byPillar.put((String) row[0], ((Number) row[1]).longValue());
        }
        Object[] figures = rows("""
                select percentile_cont(0.5) within group (
                           order by extract(epoch from first_answered_at - submitted_at)) / 3600.0,
                       count(*) filter (where reminder_due),
                       count(*) filter (where likely_repeat_of is not null),
                       avg(satisfaction_score)
                from funding_request""").get(0);
        return new Dashboard(total, byStatus, byPillar, number(figures[0]), ((Number) figures[1]).longValue(),
                ((Number) figures[2]).longValue(), number(figures[3]));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return new ArrayList<>(entityManager.createNativeQuery(sql).getResultList());
    }

    private static Double number(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }
}
