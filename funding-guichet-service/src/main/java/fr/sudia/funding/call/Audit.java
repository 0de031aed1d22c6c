package fr.sudia.funding.call;

import java.util.Map;
import java.util.UUID;

import fr.sudia.funding.time.DeskTime;
import fr.sudia.platform.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Writes the audit trail of calls in the transaction of each change. */
@ApplicationScoped
public class Audit {

    private final CurrentActor actor;
    private final DeskTime time;

    Audit(CurrentActor actor, DeskTime time) {
        this.actor = actor;
        this.time = time;
    }

    @Transactional(TxType.MANDATORY)
    public void record(UUID callId, String entity, UUID entityId, String action, Map<String, ?> details) {
        AuditEntry entry = new AuditEntry();
        entry.callId = callId;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.action = action;
        entry.actor = actor.subject();
        entry.at = time.now();
        entry.details = CallJson.write(details);
        entry.persist();
    }
}
