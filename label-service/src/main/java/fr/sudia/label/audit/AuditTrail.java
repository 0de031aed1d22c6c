package fr.sudia.label.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import fr.sudia.label.audit.AuditEntry.SubjectType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Records audit entries in the transaction of the change they describe. */
@ApplicationScoped
public class AuditTrail {

    private final Clock clock;

    AuditTrail(Clock clock) {
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public AuditEntry record(String actor, SubjectType type, String subjectId, UUID organizationId, String action,
            Object from, Object to, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        entry.actor = actor;
        entry.subjectType = type;
        entry.subjectId = subjectId;
        entry.organizationId = organizationId;
        entry.action = action;
        entry.fromStatus = from == null ? null : from.toString();
        entry.toStatus = to == null ? null : to.toString();
        entry.reason = reason;
        entry.persist();
        return entry;
    }
}
