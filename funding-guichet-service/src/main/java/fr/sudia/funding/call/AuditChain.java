package fr.sudia.funding.call;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.platform.privacy.Pseudonyms;

/**
 * The hash chain of a call's audit trail (issue 21): {@code entry_hash = sha256(previous entry_hash || canonical
 * content)}, the first entry of a call chained to nothing. The canonical content never holds a person's identifier:
 * the actor is there as its digest ({@code actor_digest}, HMAC-SHA256 with the pseudonym key), and a juror named in
 * the details as their pseudonym. Erasing a person replaces the stored identifiers with that same pseudonym, so the
 * content, hence the chain, is unchanged, while any other change of a row breaks it.
 */
public final class AuditChain {

    /** Details' members that hold a token subject (the juror assigned, scoring, declaring a conflict). */
    static final Set<String> SUBJECT_MEMBERS = Set.of("juror");

    private AuditChain() {
    }

    /** What the hash covers (the id and the hash itself aside: the chain orders the entries). */
    public record Content(UUID callId, String entity, UUID entityId, String action, OffsetDateTime at, String actorDigest,
            String details) {

        static Content of(AuditEntry entry) {
            return new Content(entry.callId, entry.entity, entry.entityId, entry.action, entry.at, entry.actorDigest,
                    entry.details);
        }
    }

    public static String hash(String previous, Content content) {
        String canonical = String.join("\n", previous == null ? "" : previous, content.callId().toString(),
                content.entity(), content.entityId().toString(), content.action(),
                content.at().toInstant().truncatedTo(ChronoUnit.MICROS).toString(), content.actorDigest(),
                canonicalDetails(content.details()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Whether a stored actor agrees with its digest: the actor itself, or the pseudonym an erasure put there. */
    static boolean actorMatches(String actor, String actorDigest) {
        if (Pseudonyms.isPseudonym(actor)) {
            return actor.equals(Pseudonyms.PREFIX + actorDigest.substring(0, 16));
        }
        return Pseudonyms.digest(actor).equals(actorDigest);
    }

    /** The details with every subject replaced by its pseudonym, written back the way {@link CallJson} writes. */
    static String canonicalDetails(String details) {
        JsonNode tree = CallJson.tree(details);
        if (tree instanceof ObjectNode object) {
            for (String member : SUBJECT_MEMBERS) {
                JsonNode value = object.get(member);
                if (value != null && value.isTextual() && !Pseudonyms.isPseudonym(value.asText())) {
                    object.put(member, Pseudonyms.of(value.asText()));
                }
            }
        }
        return CallJson.write(tree);
    }
}
