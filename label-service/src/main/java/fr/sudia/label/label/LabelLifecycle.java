package fr.sudia.label.label;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import fr.sudia.label.audit.AuditEntry.SubjectType;
import fr.sudia.label.audit.AuditTrail;
import fr.sudia.label.charter.CharterSignature;
import fr.sudia.label.charter.CharterVersion;
import fr.sudia.label.directory.KnownOrganization;
import fr.sudia.platform.outbox.Outbox;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/**
 * Every change of a label's state: each one is audited, announced on {@code label.labels.v1} through the outbox, and
 * handed to the registry's in-memory index once committed.
 */
@ApplicationScoped
public class LabelLifecycle {

    private static final Logger LOG = Logger.getLogger(LabelLifecycle.class);
    static final String SYSTEM = "system:label-service";

    private final Clock clock;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Event<LabelCommitted> committed;

    LabelLifecycle(Clock clock, Outbox outbox, AuditTrail audit, Event<LabelCommitted> committed) {
        this.clock = clock;
        this.outbox = outbox;
        this.audit = audit;
        this.committed = committed;
    }

    /** Fired in the transaction of a change; the index applies it once the transaction has committed. */
    public record LabelCommitted(Label label, String holderName, String holderCity) {
    }

    @Transactional(TxType.MANDATORY)
    public Label grant(UUID organizationId, UUID applicationId, LabelCategory category, int charterVersion,
            String actor, String reason) {
        if (Label.findCurrentOf(organizationId).isPresent()) {
            throw new ClientErrorException("Organization " + organizationId + " already holds a current label.",
                    Status.CONFLICT);
        }
        LocalDate today = today();
        Label label = new Label();
        label.number = "SUD-IA-%d-%04d".formatted(today.getYear(), nextValue("label_number_seq"));
        label.organizationId = organizationId;
        label.applicationId = applicationId;
        label.category = category;
        label.grantedOn = today;
        label.validUntil = today.plusYears(Label.VALIDITY_YEARS).minusDays(1);
        label.charterVersion = charterVersion;
        label.statusIndex = (int) nextValue("label_status_index_seq");
        label.status = LabelStatus.VALID;
        label.statusSince = now();
        label.updatedAt = label.statusSince;
        label.persist();
        announce(label, null, "GRANTED", LabelEvents.GRANTED, actor, reason);
        return label;
    }

    /** Two more years, from the end of the current validity; the holder must have signed the charter in force. */
    @Transactional
    public Label renew(String number, String reason, String actor) {
        Label label = find(number);
        requireStatus(label, LabelStatus.VALID, "renewed");
        CharterVersion inForce = CharterVersion.inForceAt(clock.instant()).orElseThrow();
        if (!CharterSignature.hasSigned(label.organizationId, inForce.version)) {
            throw new ClientErrorException("The holder must sign charter version " + inForce.version
                    + " before its label is renewed.", Status.CONFLICT);
        }
        label.validUntil = label.validUntil.plusYears(Label.VALIDITY_YEARS);
        label.charterVersion = inForce.version;
        label.updatedAt = now();
        announce(label, LabelStatus.VALID, "RENEWED", LabelEvents.RENEWED, actor, reason);
        return label;
    }

    @Transactional
    public Label suspend(String number, String reason, LocalDate until, String actor) {
        Label label = find(number);
        requireStatus(label, LabelStatus.VALID, "suspended");
        if (until != null && !until.isAfter(today())) {
            throw new BadRequestException("until must be a date after today (" + today() + ").");
        }
        suspend(label, SuspensionKind.DECISION, reason, until, actor);
        return label;
    }

    @Transactional
    public Label restore(String number, String reason, String actor) {
        Label label = find(number);
        requireStatus(label, LabelStatus.SUSPENDED, "restored");
        if (label.suspensionKind == SuspensionKind.CHARTER_NOT_SIGNED) {
            throw new ClientErrorException("This label comes back when its holder signs the charter in force.",
                    Status.CONFLICT);
        }
        restore(label, actor, reason);
        return label;
    }

    @Transactional
    public Label withdraw(String number, String reason, String actor) {
        Label label = find(number);
        if (!label.status.isCurrent()) {
            throw new ClientErrorException("Label " + number + " is " + label.status + ": it cannot be withdrawn.",
                    Status.CONFLICT);
        }
        withdraw(label, reason, actor);
        return label;
    }

    /** The directory removed the organization: its current label is withdrawn. */
    @Transactional(TxType.MANDATORY)
    public void organizationRemoved(UUID organizationId, String actor) {
        Label.findCurrentOf(organizationId)
                .ifPresent(label -> withdraw(label, "The organization was removed from the directory.", actor));
    }

    /** The directory changed the holder's name or city: the registry shows it with a new version. */
    @Transactional(TxType.MANDATORY)
    public void holderChanged(UUID organizationId) {
        Label.<Label>list("organizationId", organizationId).forEach(label -> {
            label.updatedAt = now();
            fire(label);
        });
    }

    /** The holder signed the charter in force: its labels follow that version, and come back if suspended for it. */
    @Transactional(TxType.MANDATORY)
    public void charterSigned(UUID organizationId, int version, String actor) {
        Label.findCurrentOf(organizationId).ifPresent(label -> {
            label.charterVersion = Math.max(label.charterVersion, version);
            label.updatedAt = now();
            if (label.status == LabelStatus.SUSPENDED && label.suspensionKind == SuspensionKind.CHARTER_NOT_SIGNED) {
                restore(label, actor, "Charter version " + version + " signed.");
            } else {
                fire(label);
            }
        });
    }

    /** Labels past their last valid day expire. */
    @Transactional
    public int expireDue() {
        List<Label> due = Label.list("status in ?1 and validUntil < ?2",
                List.of(LabelStatus.VALID, LabelStatus.SUSPENDED), today());
        for (Label label : due) {
            LabelStatus from = label.status;
            label.status = LabelStatus.EXPIRED;
            label.statusSince = label.validUntil.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            label.updatedAt = now();
            clearSuspension(label);
            announce(label, from, "EXPIRED", LabelEvents.EXPIRED, SYSTEM,
                    "Not renewed by " + label.validUntil + ".");
        }
        return due.size();
    }

    /** Suspensions decided with an end date end on that date. */
    @Transactional
    public int endSuspensionsDue() {
        List<Label> due = Label.list("status = ?1 and suspensionKind = ?2 and suspendedUntil <= ?3",
                LabelStatus.SUSPENDED, SuspensionKind.DECISION, today());
        due.forEach(label -> restore(label, SYSTEM, "Suspension ended on " + label.suspendedUntil + "."));
        return due.size();
    }

    /** Past the grace period of the charter in force, labels of holders that have not signed it are suspended. */
    @Transactional
    public int suspendUnsignedCharters() {
        CharterVersion inForce = CharterVersion.inForceAt(clock.instant()).orElse(null);
        if (inForce == null || now().isBefore(inForce.signatureDeadline())) {
            return 0;
        }
        List<Label> behind = Label.list("status = ?1 and charterVersion < ?2", LabelStatus.VALID, inForce.version);
        int suspended = 0;
        for (Label label : behind) {
            if (CharterSignature.hasSigned(label.organizationId, inForce.version)) {
                label.charterVersion = inForce.version;
                label.updatedAt = now();
                fire(label);
                continue;
            }
            suspend(label, SuspensionKind.CHARTER_NOT_SIGNED, "Charter version " + inForce.version
                    + " not signed by " + inForce.signatureDeadline() + ".", null, SYSTEM);
            suspended++;
        }
        if (suspended > 0) {
            LOG.infof("%d label(s) suspended: charter version %d not signed in time", suspended, inForce.version);
        }
        return suspended;
    }

    private void suspend(Label label, SuspensionKind kind, String reason, LocalDate until, String actor) {
        label.status = LabelStatus.SUSPENDED;
        label.statusSince = now();
        label.updatedAt = label.statusSince;
        label.suspensionKind = kind;
        label.suspensionReason = reason;
        label.suspendedUntil = until;
        announce(label, LabelStatus.VALID, "SUSPENDED", LabelEvents.SUSPENDED, actor, reason);
    }

    private void restore(Label label, String actor, String reason) {
        label.status = LabelStatus.VALID;
        label.statusSince = now();
        label.updatedAt = label.statusSince;
        clearSuspension(label);
        announce(label, LabelStatus.SUSPENDED, "RESTORED", LabelEvents.RESTORED, actor, reason);
    }

    private void withdraw(Label label, String reason, String actor) {
        LabelStatus from = label.status;
        label.status = LabelStatus.WITHDRAWN;
        label.statusSince = now();
        label.updatedAt = label.statusSince;
        clearSuspension(label);
        announce(label, from, "WITHDRAWN", LabelEvents.WITHDRAWN, actor, reason);
    }

    private static void clearSuspension(Label label) {
        label.suspensionKind = null;
        label.suspensionReason = null;
        label.suspendedUntil = null;
    }

    private void announce(Label label, LabelStatus from, String action, String type, String actor, String reason) {
        audit.record(actor, SubjectType.LABEL, label.number, label.organizationId, action, from, label.status, reason);
        outbox.publish(LabelEvents.TOPIC, type, label.organizationId.toString(),
                LabelEvents.LabelChanged.of(label, reason));
        fire(label);
    }

    public static Label find(String number) {
        return Label.<Label>findByIdOptional(number).orElseThrow(() -> notFound(number));
    }

    /** Also what another organization's member gets, so that a 403 never confirms the label exists. */
    public static NotFoundException notFound(String number) {
        return new NotFoundException("Label " + number + " does not exist.");
    }

    private static void requireStatus(Label label, LabelStatus expected, String verb) {
        if (label.status != expected) {
            throw new ClientErrorException("Label " + label.number + " is " + label.status + ": only a " + expected
                    + " label can be " + verb + ".", Status.CONFLICT);
        }
    }

    private static long nextValue(String sequence) {
        return ((Number) Panache.getEntityManager().createNativeQuery("select nextval('" + sequence + "')")
                .getSingleResult()).longValue();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private void fire(Label label) {
        KnownOrganization holder = KnownOrganization.findById(label.organizationId);
        committed.fire(new LabelCommitted(label, holder.name, holder.city));
    }
}
