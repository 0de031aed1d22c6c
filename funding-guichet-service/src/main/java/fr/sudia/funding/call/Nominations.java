package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.sudia.funding.time.DeskTime;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/** Nominations for the prize of the year: open to anyone authenticated while the call is open; the jury shortlists. */
@ApplicationScoped
public class Nominations {

    private final CurrentActor actor;
    private final DeskTime time;
    private final Audit audit;
    private final CallDesk calls;

    Nominations(CurrentActor actor, DeskTime time, Audit audit, CallDesk calls) {
        this.actor = actor;
        this.time = time;
        this.audit = audit;
        this.calls = calls;
    }

    @Transactional
    public Nomination nominate(UUID callId, NominationInput input) {
        FundingCall call = calls.readable(callId);
        if (call.kind != CallKind.PRIZE_OF_THE_YEAR) {
            throw new ClientErrorException("Call " + callId + " is a " + call.kind + "; nominations are for the prize of the year.",
                    Status.CONFLICT);
        }
        OffsetDateTime now = time.now();
        if (!CallDesk.accepting(call, now)) {
            throw new ClientErrorException("Call " + callId + " does not take nominations now (phase " + call.phase
                    + ", deadline " + CallView.localText(call.closesAt) + " Europe/Paris).", Status.CONFLICT);
        }
        if (input.category() != null && !call.categories.contains(input.category())) {
            throw InvalidFieldsException.of("category", "must be one of " + call.categories);
        }
        Nomination nomination = new Nomination();
        nomination.id = UUID.randomUUID();
        nomination.callId = callId;
        nomination.nominatedBy = actor.subject();
        nomination.nomineeKind = input.nomineeKind();
        nomination.nomineeName = input.nomineeName().strip();
        nomination.organizationId = input.organizationId();
        nomination.category = input.category();
        nomination.reason = input.reason();
        nomination.createdAt = now;
        nomination.persist();
        audit.record(callId, "NOMINATION", nomination.id, "NOMINATED", CallDesk.details("nominee", nomination.nomineeName,
                "kind", nomination.nomineeKind.name(), "category", nomination.category));
        return nomination;
    }

    /** Staff and the call's jurors see every nomination; anyone else only their own. Newest first. */
    @Transactional
    public Page<NominationView> list(UUID callId, Boolean shortlisted, int limit, String cursor) {
        calls.readable(callId);
        boolean all = calls.isStaff() || calls.isJuror(callId);
        StringBuilder query = new StringBuilder("callId = :call");
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("call", callId));
        if (!all) {
            query.append(" and nominatedBy = :me");
            parameters.put("me", actor.subject());
        }
        if (shortlisted != null) {
            query.append(" and shortlisted = :shortlisted");
            parameters.put("shortlisted", shortlisted);
        }
        List<String> after = Cursor.decode(cursor, 2);
        if (!after.isEmpty()) {
            query.append(" and (createdAt < :afterAt or (createdAt = :afterAt and id < :afterId))");
            try {
                parameters.put("afterAt", OffsetDateTime.parse(after.get(0)));
            } catch (java.time.format.DateTimeParseException e) {
                throw new jakarta.ws.rs.BadRequestException("The cursor parameter is not one this list issued; start again without it.");
            }
            parameters.put("afterId", Cursor.uuid(after.get(1)));
        }
        query.append(" order by createdAt desc, id desc");
        List<Nomination> rows = Nomination.<Nomination>find(query.toString(), parameters).page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, n -> List.of(n.createdAt.toInstant().toString(), n.id.toString()),
                NominationView::of);
    }

    /** The jury (or staff) shortlists a nomination, once nominations are closed and until the results. */
    @Transactional
    public Nomination shortlist(UUID id, boolean shortlisted) {
        Nomination nomination = Nomination.<Nomination>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
        FundingCall call = CallDesk.find(nomination.callId);
        if (!calls.isStaff() && !calls.isJuror(call.id)) {
            throw notFound(id);
        }
        if (!call.phase.atLeast(CallPhase.CLOSED) || call.phase == CallPhase.RESULTS_PUBLISHED) {
            throw new ClientErrorException("Call " + call.id + " is " + call.phase
                    + "; the jury shortlists between the close of nominations and the results.", Status.CONFLICT);
        }
        nomination.shortlisted = shortlisted;
        nomination.shortlistedBy = shortlisted ? actor.subject() : null;
        nomination.shortlistedAt = shortlisted ? time.now() : null;
        audit.record(call.id, "NOMINATION", id, shortlisted ? "SHORTLISTED" : "UNSHORTLISTED", Map.of("nominee", nomination.nomineeName));
        return nomination;
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("Nomination " + id + " does not exist or is not visible to you.");
    }
}
