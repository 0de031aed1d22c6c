package fr.sudia.label.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import fr.sudia.label.audit.AuditEntry.SubjectType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Records audit entries in the transaction of the change they describe. */
@ApplicationScoped
public class AuditTrail {

    private final Clock clock;
    private final AuditChain chain;

    AuditTrail(Clock clock, AuditChain chain) {
        this.clock = clock;
        this.chain = chain;
    }

    @Transactional(TxType.MANDATORY)
    public AuditEntry record(String actor, SubjectType type, String subjectId, UUID organizationId, String action,
            Object from, Object to, String reason) {
        AuditEntry entry = new AuditEntry();
        // Microseconds, as PostgreSQL keeps them: the hash covers the time as it is read back.
        entry.at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.subjectType = type;
        entry.subjectId = subjectId;
        entry.organizationId = organizationId;
        entry.action = action;
        entry.fromStatus = from == null ? null : from.toString();
        entry.toStatus = to == null ? null : to.toString();
        entry.reason = reason;
        chain.append(entry);
        return entry;
    }
}
