package fr.sudia.label.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import fr.sudia.platform.privacy.Pseudonyms;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The audit trail's hash chain: each entry's hash covers the previous entry's hash and the entry's canonical
 * content, in which the actor and the reason appear as digests. Erasure replaces an actor (and a reason naming the
 * signer) without touching the digests, so the chain still verifies; any other change of a row breaks it from that
 * row on. Writers hold a transaction-scoped advisory lock, so entries are chained in id order.
 */
@ApplicationScoped
public class AuditChain {

    /** Advisory lock key of the chain: "auditch" in ASCII. */
    private static final long CHAIN_LOCK = 0x61756469746368L;
    private static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 500;

    private final EntityManager entityManager;

    AuditChain(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Chains a new entry after the last one (and after any entry written before the chain existed), and stores it. */
    @Transactional(TxType.MANDATORY)
    void append(AuditEntry entry) {
        lock();
        String previous = sealUnchained();
        seal(entry, previous);
        entry.persist();
    }

    /** Chains the entries written before the chain existed, in id order; returns how many. */
    @Transactional
    public long chainExisting() {
        lock();
        long before = unchainedCount();
        sealUnchained();
        return before;
    }

    /** Entries written before the chain existed are chained at start (under the lock: one replica does it). */
    void onStart(@Observes StartupEvent start) {
        chainExisting();
    }

    /** Recomputes the whole chain, in id order, without changing anything. */
    @Transactional
    public Verification verify() {
        String previous = GENESIS;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEntry> batch = AuditEntry.<AuditEntry>find("id > ?1 order by id", after).page(0, BATCH).list();
            if (batch.isEmpty()) {
                return new Verification(true, checked, null);
            }
            for (AuditEntry entry : batch) {
                String expected = entry.entryHash == null ? null : hash(previous, entry);
                boolean digestsHold = entry.reasonDigest == null
                        ? entry.reason == null
                        : entry.reason == null || entry.reasonDigest.equals(sha256(entry.reason));
                if (expected == null || !expected.equals(entry.entryHash) || !digestsHold
                        || !(entry.actor.equals(pseudonymOrActor(entry)))) {
                    return new Verification(false, checked, entry.id);
                }
                previous = entry.entryHash;
                checked++;
                after = entry.id;
            }
            entityManager.clear();
        }
    }

    /** The digest of an actor, so that an erased actor's entries can still be found by it. */
    public String actorDigest(String actor) {
        return Pseudonyms.digest(actor);
    }

    /** An actor still in clear must match its digest; a pseudonym replaced it on erasure and cannot be checked. */
    private String pseudonymOrActor(AuditEntry entry) {
        if (Pseudonyms.isPseudonym(entry.actor) || entry.actorDigest.equals(actorDigest(entry.actor))) {
            return entry.actor;
        }
        return "";
    }

    private void lock() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK)
                .getSingleResult();
    }

    private long unchainedCount() {
        return AuditEntry.count("entryHash is null");
    }

    /** Seals the entries without a hash, in id order; returns the last hash of the chain. */
    private String sealUnchained() {
        String previous = AuditEntry.<AuditEntry>find("entryHash is not null order by id desc").firstResultOptional()
                .map(last -> last.entryHash).orElse(GENESIS);
        while (true) {
            List<AuditEntry> batch = AuditEntry.<AuditEntry>find("entryHash is null order by id").page(0, BATCH).list();
            if (batch.isEmpty()) {
                return previous;
            }
            for (AuditEntry entry : batch) {
                seal(entry, previous);
                previous = entry.entryHash;
            }
            entityManager.flush();
        }
    }

    private void seal(AuditEntry entry, String previous) {
        if (entry.actorDigest == null) {
            entry.actorDigest = actorDigest(entry.actor);
        }
        if (entry.reasonDigest == null && entry.reason != null) {
            entry.reasonDigest = sha256(entry.reason);
        }
        entry.entryHash = hash(previous, entry);
    }

    private static String hash(String previous, AuditEntry entry) {
        String canonical = String.join("\n", previous,
                DateTimeFormatter.ISO_INSTANT.format(entry.at.toInstant().truncatedTo(ChronoUnit.MICROS)),
                entry.actorDigest, entry.subjectType.name(), entry.subjectId,
                Objects.toString(entry.organizationId, ""), entry.action,
                Objects.toString(entry.fromStatus, ""), Objects.toString(entry.toStatus, ""),
                Objects.toString(entry.reasonDigest, ""));
        return sha256(canonical);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param valid whether every entry's hash matches its content and its predecessor
     * @param checked how many entries verified before the first broken one (all of them when valid)
     * @param brokenAt the id of the first entry that does not verify, when not valid
     */
    public record Verification(boolean valid, long checked, Long brokenAt) {
    }
}
