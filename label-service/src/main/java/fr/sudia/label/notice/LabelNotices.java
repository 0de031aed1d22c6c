package fr.sudia.label.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.sudia.label.application.ApplicationStatus;
import fr.sudia.label.application.LabelApplication;
import fr.sudia.label.charter.CharterSignature;
import fr.sudia.label.charter.CharterVersion;
import fr.sudia.label.directory.KnownOrganization;
import fr.sudia.label.label.Label;
import fr.sudia.label.label.LabelStatus;
import fr.sudia.platform.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Publishes on {@code label.notices.v1}, in the caller's transaction, who must be told: the applicant (who created
 * the application) of its steps; for a label expiring soon, everyone label-service knows for the organization, i.e.
 * who signed its charter or created one of its applications (it knows no other member: the rule is "those who acted
 * for the label"). One event per recipient, keyed by their subject; the topic keeps them 7 days.
 */
@ApplicationScoped
public class LabelNotices {

    public static final String TOPIC = "label.notices.v1";
    public static final String APPLICATION_SUBMITTED = "fr.sudia.label.notice.application-submitted";
    public static final String JUSTIFICATION_REQUESTED = "fr.sudia.label.notice.justification-requested";
    public static final String APPLICATION_DECIDED = "fr.sudia.label.notice.application-decided";
    public static final String LABEL_EXPIRING = "fr.sudia.label.notice.label-expiring";
    public static final String CHARTER_TO_RESIGN = "fr.sudia.label.notice.charter-to-resign";
    private static final ZoneId REGION = ZoneId.of("Europe/Paris");

    private final Outbox outbox;
    private final Clock clock;
    private final int expiringNoticeDays;

    LabelNotices(Outbox outbox, Clock clock,
            @ConfigProperty(name = "sudia.label.expiring-notice-days") int expiringNoticeDays) {
        this.outbox = outbox;
        this.clock = clock;
        this.expiringNoticeDays = expiringNoticeDays;
    }

    /** A step the applicant must hear of: submitted (or resubmitted), justification asked, decided. */
    public void applicationMoved(LabelApplication application, String message) {
        String type = switch (application.status) {
            case SUBMITTED, RESUBMITTED -> APPLICATION_SUBMITTED;
            case JUSTIFICATION_REQUESTED -> JUSTIFICATION_REQUESTED;
            case GRANTED, REFUSED -> APPLICATION_DECIDED;
            default -> null;
        };
        if (type == null || application.createdBy == null) {
            return;
        }
        publish(type, new LabelNotice(application.createdBy, organization(application.organizationId),
                new LabelNotice.ApplicationRef(application.id, application.status,
                        application.status == ApplicationStatus.JUSTIFICATION_REQUESTED ? message : null), null, null));
    }

    /**
     * Labels valid until within {@code sudia.label.expiring-notice-days}: each told once per validity (the label
     * remembers the end date it was noticed for, in the same transaction), however often or wherever it runs.
     */
    @Scheduled(every = "${sudia.label.jobs.every:1h}", delayed = "45s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        noticeExpiringLabels();
    }

    @Transactional
    public int noticeExpiringLabels() {
        LocalDate today = LocalDate.now(clock.withZone(REGION));
        List<Label> due = Label.getEntityManager().createQuery("""
                select l from Label l where l.status = :valid and l.validUntil <= :horizon and l.validUntil >= :today
                and (l.expiryNoticedFor is null or l.expiryNoticedFor <> l.validUntil) order by l.validUntil""", Label.class)
                .setParameter("valid", LabelStatus.VALID).setParameter("horizon", today.plusDays(expiringNoticeDays))
                .setParameter("today", today).setMaxResults(500)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2).getResultList();
        for (Label label : due) {
            label.expiryNoticedFor = label.validUntil;
            LabelNotice.Organization organization = organization(label.organizationId);
            for (String person : actedFor(label.organizationId)) {
                publish(LABEL_EXPIRING, new LabelNotice(person, organization, null,
                        new LabelNotice.LabelRef(label.number, label.validUntil), null));
            }
        }
        return due.size();
    }

    /**
     * A new charter version: who signed an earlier version for an organization (still in the directory) must sign the new
     * one within its grace period, or the organization's label is suspended; each told once, in the publishing transaction.
     */
    public void charterToResign(CharterVersion charter) {
        LabelNotice.CharterRef ref = new LabelNotice.CharterRef(charter.version,
                charter.effectiveAt.atZoneSameInstant(REGION).toLocalDate(),
                charter.effectiveAt.plusDays(charter.gracePeriodDays).atZoneSameInstant(REGION).toLocalDate());
        List<Object[]> signers = CharterSignature.getEntityManager().createQuery("""
                select distinct s.organizationId, s.signedBy from CharterSignature s
                where s.charterVersion < :version and s.signedBy is not null
                  and not exists (select 1 from KnownOrganization o where o.id = s.organizationId and o.removedAt is not null)
                order by s.organizationId, s.signedBy""", Object[].class).setParameter("version", charter.version).getResultList();
        for (Object[] signer : signers) {
            publish(CHARTER_TO_RESIGN, new LabelNotice((String) signer[1], organization((UUID) signer[0]), null, null, ref));
        }
    }

    private static Set<String> actedFor(UUID organizationId) {
        Set<String> people = new LinkedHashSet<>(CharterSignature.getEntityManager().createQuery(
                "select distinct s.signedBy from CharterSignature s where s.organizationId = :o and s.signedBy is not null order by s.signedBy",
                String.class).setParameter("o", organizationId).getResultList());
        people.addAll(LabelApplication.getEntityManager().createQuery(
                "select distinct a.createdBy from LabelApplication a where a.organizationId = :o and a.createdBy is not null order by a.createdBy",
                String.class).setParameter("o", organizationId).getResultList());
        return people;
    }

    private static LabelNotice.Organization organization(UUID id) {
        return new LabelNotice.Organization(id, KnownOrganization.<KnownOrganization>findByIdOptional(id)
                .map(o -> o.name).orElse(""));
    }

    private void publish(String type, LabelNotice notice) {
        outbox.publish(TOPIC, type, notice.recipient(), notice);
    }
}
