package fr.sudia.label.charter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.label.audit.AuditEntry.SubjectType;
import fr.sudia.label.audit.AuditTrail;
import fr.sudia.label.directory.KnownOrganization;
import fr.sudia.label.label.LabelEvents;
import fr.sudia.label.label.LabelLifecycle;
import fr.sudia.label.notice.LabelNotices;
import fr.sudia.platform.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/** Publishes charter versions and records signatures. */
@ApplicationScoped
public class Charters {

    private final Clock clock;
    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final LabelLifecycle labels;

    Charters(Clock clock, ObjectMapper mapper, Outbox outbox, AuditTrail audit, LabelLifecycle labels, LabelNotices notices) {
        this.notices = notices;
        this.clock = clock;
        this.mapper = mapper;
        this.outbox = outbox;
        this.audit = audit;
        this.labels = labels;
    }

    private final LabelNotices notices;

    @Transactional
    public CharterVersion publish(CharterDraft draft, String actor) {
        CharterVersion latest = CharterVersion.<CharterVersion>findAll(Sort.descending("version")).firstResult();
        if (latest != null && !draft.effectiveAt().isAfter(latest.effectiveAt)) {
            throw new ClientErrorException("A new version must take effect after version " + latest.version
                    + " (" + latest.effectiveAt + ").", Status.CONFLICT);
        }
        CharterVersion charter = new CharterVersion();
        charter.version = latest == null ? 1 : latest.version + 1;
        charter.textFr = draft.textFr();
        charter.textEn = draft.textEn();
        charter.questions = List.copyOf(draft.questions());
        charter.contentHash = contentHash(draft.textFr(), draft.textEn(), charter.questions);
        if (CharterVersion.count("contentHash", charter.contentHash) > 0) {
            throw new ClientErrorException("This text and questionnaire are already a published version.", Status.CONFLICT);
        }
        charter.effectiveAt = draft.effectiveAt().withOffsetSameInstant(ZoneOffset.UTC);
        charter.gracePeriodDays = draft.gracePeriodDays();
        charter.publishedAt = now();
        charter.publishedBy = actor;
        charter.persist();
        audit.record(actor, SubjectType.CHARTER, charter.version.toString(), null, "PUBLISHED", null, null,
                "effective " + charter.effectiveAt + ", grace period " + charter.gracePeriodDays + " days");
        notices.charterToResign(charter);
        return charter;
    }

    public CharterVersion find(int version) {
        return CharterVersion.<CharterVersion>findByIdOptional(version)
                .orElseThrow(() -> new NotFoundException("Charter version " + version + " does not exist."));
    }

    public CharterVersion inForce() {
        return CharterVersion.inForceAt(clock.instant())
                .orElseThrow(() -> new NotFoundException("No charter version is in force yet."));
    }

    /** The organization signs a version, which must be the one in force; its labels follow (see LabelLifecycle). */
    @Transactional
    public CharterSignature sign(int version, SignatureRequest request, String actor) {
        CharterVersion charter = find(version);
        CharterVersion inForce = inForce();
        if (charter.version.intValue() != inForce.version.intValue()) {
            throw new ClientErrorException("Only the charter in force can be signed: version " + inForce.version + ".",
                    Status.CONFLICT);
        }
        KnownOrganization organization = KnownOrganization.findKnown(request.organizationId()).orElseThrow(
                () -> new BadRequestException("Organization " + request.organizationId()
                        + " is not in the directory."));
        CharterSignature signature = new CharterSignature();
        signature.id = UUID.randomUUID();
        signature.organizationId = organization.id;
        signature.charterVersion = charter.version;
        signature.charterHash = charter.contentHash;
        signature.signerName = request.signerName().strip();
        signature.signerNameSha256 = sha256(signature.signerName);
        signature.signerRole = request.signerRole().strip();
        signature.signedBy = actor;
        signature.signedAt = now();
        signature.supersedes = CharterSignature.latestOf(organization.id).map(previous -> previous.id).orElse(null);
        signature.persist();
        audit.record(actor, SubjectType.SIGNATURE, signature.id.toString(), organization.id, "SIGNED", null,
                "version " + charter.version, null);
        outbox.publish(LabelEvents.TOPIC, LabelEvents.CHARTER_SIGNED, organization.id.toString(),
                new CharterSigned(signature.id, organization.id, charter.version, charter.contentHash, signature.signedAt));
        labels.charterSigned(organization.id, charter.version, actor);
        return signature;
    }

    /** The data of {@code fr.sudia.label.charter.signed}. */
    public record CharterSigned(UUID signatureId, UUID organizationId, int charterVersion, String charterHash,
            OffsetDateTime signedAt) {
    }

    String contentHash(String textFr, String textEn, List<CharterQuestion> questions) {
        try {
            byte[] content = mapper.writeValueAsString(new HashedContent(textFr, textEn, questions))
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record HashedContent(String textFr, String textEn, List<CharterQuestion> questions) {
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
