package fr.sudia.funding.call;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.funding.time.DeskTime;
import fr.sudia.platform.privacy.Pseudonyms;
import fr.sudia.platform.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Writes the audit trail of calls in the transaction of each change, chained per call, and verifies the chain. */
@ApplicationScoped
public class Audit {

    private final CurrentActor actor;
    private final DeskTime time;
    private final EntityManager em;

    Audit(CurrentActor actor, DeskTime time, EntityManager em) {
        this.actor = actor;
        this.time = time;
        this.em = em;
    }

    @Transactional(TxType.MANDATORY)
    public void record(UUID callId, String entity, UUID entityId, String action, Map<String, ?> details) {
        // The change's own rows are written first, then the call's chain is held until commit: entries of one call are
        // chained one transaction after the other, and no transaction waits for a row while holding the chain.
        em.flush();
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, lockKey(callId)).getSingleResult();
        List<?> previous = em.createNativeQuery("select entry_hash from call_audit where call_id = ?1 order by id desc limit 1")
                .setParameter(1, callId).getResultList();
        AuditEntry entry = new AuditEntry();
        entry.callId = callId;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.action = action;
        entry.actor = actor.subject();
        entry.actorDigest = Pseudonyms.digest(entry.actor);
        entry.at = time.now();
        entry.details = CallJson.write(details);
        entry.entryHash = AuditChain.hash(previous.isEmpty() ? null : (String) previous.get(0), AuditChain.Content.of(entry));
        entry.persist();
    }

    @Schema(name = "CallAuditVerification", description = "Whether a call's audit trail is intact")
    public record Verification(UUID callId,
            @Schema(description = "Entries checked") long entries,
            @Schema(description = "true when every entry is chained to the one before and its actor agrees with its digest") boolean intact,
            @Schema(nullable = true, description = "The first entry that breaks the chain; null when intact") Long brokenAt,
            @Schema(nullable = true, examples = "entry_hash does not match the entry's content and the previous hash",
                    description = "Why that entry breaks it; null when intact") String problem) {
    }

    /** Walks the call's trail in order: each hash recomputed from the previous one and the content, each actor checked. */
    @Transactional
    public Verification verify(UUID callId) {
        String previous = null;
        long entries = 0;
        for (AuditEntry entry : AuditEntry.<AuditEntry>list("callId = ?1 order by id", callId)) {
            entries++;
            if (!AuditChain.hash(previous, AuditChain.Content.of(entry)).equals(entry.entryHash)) {
                return new Verification(callId, entries, false, entry.id,
                        "entry_hash does not match the entry's content and the previous hash");
            }
            if (!AuditChain.actorMatches(entry.actor, entry.actorDigest)) {
                return new Verification(callId, entries, false, entry.id, "the actor does not match its digest");
            }
            previous = entry.entryHash;
        }
        return new Verification(callId, entries, true, null, null);
    }

    private static long lockKey(UUID callId) {
        return callId.getMostSignificantBits() ^ callId.getLeastSignificantBits();
    }
}
