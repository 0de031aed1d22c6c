package fr.sudia.funding.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.sudia.funding.directory.KnownOrganization;
import fr.sudia.funding.eligibility.BeneficiaryType;
import fr.sudia.funding.eligibility.CompanyCategory;
import fr.sudia.funding.eligibility.CompanyProfile;
import fr.sudia.funding.eligibility.EligibilityMatcher;
import fr.sudia.funding.eligibility.HeadcountBand;
import fr.sudia.funding.scheme.Scheme;
import fr.sudia.funding.scheme.SchemeStatus;
import fr.sudia.funding.time.DeskTime;
import fr.sudia.funding.notice.FundingNotice;
import fr.sudia.funding.notice.FundingNotices;
import fr.sudia.platform.outbox.Outbox;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/**
 * Takes members' requests, routes them, records advisors' answers and satisfaction. Every state change is
 * announced on {@code funding.requests.v1} in the same transaction.
 */
@ApplicationScoped
public class RequestDesk {

    public static final String TOPIC = "funding.requests.v1";
    public static final String SUBMITTED = "fr.sudia.funding.request.submitted";
    public static final String TAKEN_IN_CHARGE = "fr.sudia.funding.request.taken-in-charge";
    public static final String DECLINED = "fr.sudia.funding.request.declined";
    public static final String CLOSED = "fr.sudia.funding.request.closed";
    public static final String REMINDER_DUE = "fr.sudia.funding.request.reminder-due";
    public static final String EXPIRED = "fr.sudia.funding.request.expired";
    public static final String SATISFACTION_RECORDED = "fr.sudia.funding.request.satisfaction-recorded";
    public static final String PRESCRIBED = "fr.sudia.funding.request.prescribed";
    public static final String CONFIRMED = "fr.sudia.funding.request.confirmed";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A prescription, the secret of its confirmation link (null on a replay: only its hash is kept). */
    public record Prescription(FundingRequest request, String confirmationToken, boolean replayed) {
    }

    /** A submission, and whether it replays an earlier one with the same Idempotency-Key. */
    public record Submission(FundingRequest request, boolean replayed) {
    }

    /** An advisor's answer. */
    public enum Answer {
        TAKE_IN_CHARGE,
        DECLINE,
        CLOSE
    }

    private final Outbox outbox;
    private final FundingNotices notices;
    private final CurrentActor actor;
    private final DeskTime time;
    private final int repeatWindowDays;

    RequestDesk(Outbox outbox, FundingNotices notices, CurrentActor actor, DeskTime time,
            @ConfigProperty(name = "sudia.requests.repeat-window-days") int repeatWindowDays) {
        this.outbox = outbox;
        this.notices = notices;
        this.actor = actor;
        this.time = time;
        this.repeatWindowDays = repeatWindowDays;
    }

    @Transactional
    public Submission submit(RequestInput input, String idempotencyKey) {
        UUID organizationId = memberOrganization();
        if (idempotencyKey != null) {
            FundingRequest earlier = FundingRequest.<FundingRequest>find("organizationId = ?1 and idempotencyKey = ?2",
                    organizationId, idempotencyKey).firstResult();
            if (earlier != null) {
                return new Submission(earlier, true);
            }
        }
        List<UUID> schemeIds = input.schemeIds() == null ? List.of() : input.schemeIds().stream().sorted().toList();
        List<UUID> unknown = schemeIds.stream().filter(id -> Scheme.<Scheme>findByIdOptional(id)
                .filter(scheme -> scheme.status == SchemeStatus.PUBLISHED).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new BadRequestException("Unknown or closed scheme(s): " + unknown + ".");
        }
        KnownOrganization known = KnownOrganization.<KnownOrganization>findByIdOptional(organizationId)
                .filter(KnownOrganization::isInDirectory).orElse(null);
        OffsetDateTime now = time.now();

        FundingRequest request = new FundingRequest();
        request.id = UUID.randomUUID();
        request.organizationId = organizationId;
        request.submittedBy = actor.subject();
        request.need = input.need().strip();
        request.pillars = new ArrayList<>(input.pillars().stream().map(Enum::name).sorted().toList());
        request.schemeIds = new ArrayList<>(schemeIds);
        request.department = input.department() != null ? input.department() : known == null ? null : known.department;
        request.companyCategory = input.companyCategory() != null ? input.companyCategory().name() : categoryOf(known);
        request.idempotencyKey = idempotencyKey;
        request.likelyRepeatOf = likelyRepeatOf(organizationId, request.pillars, now);
        request.submittedAt = now;
        request.statusChangedAt = now;

        route(request);
        try {
            request.persist();
            request.flush();
        } catch (PersistenceException e) {
            // Two submissions with the same Idempotency-Key at the same instant: the unique key lets one through.
            throw new ClientErrorException("A request with this Idempotency-Key is being submitted at the same time; "
                    + "retry to get it.", Status.CONFLICT);
        }
        announce(SUBMITTED, request, now);
        return new Submission(request, false);
    }

    /** Routes the request to the advisors whose rules match, and sets its status from them. */
    private static void route(FundingRequest request) {
        Routing.Facts facts = new Routing.Facts(Set.copyOf(request.pillars), Set.copyOf(request.schemeIds),
                request.department, request.companyCategory);
        List<RoutingRule> rules = RoutingRule.list("active = true order by createdAt, id");
        for (Routing.Target target : Routing.targets(rules, facts)) {
            RequestAssignment assignment = new RequestAssignment();
            assignment.id = UUID.randomUUID();
            assignment.request = request;
            assignment.advisor = target.advisor();
            assignment.partner = target.partner();
            assignment.status = AssignmentStatus.PENDING;
            request.assignments.add(assignment);
        }
        request.assignments.sort(Comparator.comparing(a -> a.advisor));
        request.status = derive(request);
    }

    /**
     * A prescriber (a chamber's or employers' body's advisor) files a request on behalf of a very small business. It
     * waits, unrouted, for the business to confirm it; the secret of the confirmation link is returned once.
     */
    @Transactional
    public Prescription prescribe(PrescribedRequestInput input, String idempotencyKey) {
        UUID prescriberOrganization = memberOrganization();
        UUID organizationId = input.organizationId();
        if (idempotencyKey != null) {
            FundingRequest earlier = FundingRequest.<FundingRequest>find("organizationId = ?1 and idempotencyKey = ?2",
                    organizationId, idempotencyKey).firstResult();
            if (earlier != null) {
                if (!actor.subject().equals(earlier.prescribedBy)) {
                    throw new ClientErrorException("This Idempotency-Key was already used for another request; use a new key.",
                            Status.CONFLICT);
                }
                return new Prescription(earlier, null, true);
            }
        }
        if (organizationId.equals(prescriberOrganization)) {
            throw new BadRequestException("organizationId: a prescriber files for a business, not for its own organization.");
        }
        if (input.companyCategory() != null && input.companyCategory() != CompanyCategory.TPE) {
            throw new BadRequestException("companyCategory: prescribed requests are for very small businesses (TPE), not "
                    + input.companyCategory() + ".");
        }
        List<UUID> schemeIds = publishedSchemes(input.schemeIds());
        KnownOrganization known = KnownOrganization.<KnownOrganization>findByIdOptional(organizationId)
                .filter(KnownOrganization::isInDirectory).orElse(null);
        if (known != null) {
            BeneficiaryType type = BeneficiaryType.ofDirectoryKind(known.kind);
            if (type != null && type != BeneficiaryType.COMPANY) {
                throw new BadRequestException("organizationId: the directory lists " + organizationId + " as " + type.words()
                        + "; prescribed requests are for very small businesses.");
            }
            Set<CompanyCategory> possible = possibleCategories(known);
            if (!possible.contains(CompanyCategory.TPE)) {
                throw new BadRequestException("organizationId: the directory's headcount band (" + known.headcountBand
                        + ") makes " + organizationId + " larger than a very small business (TPE, fewer than 10 people); "
                        + "prescribed requests are for TPE.");
            }
        }
        OffsetDateTime now = time.now();
        String token = newToken();
        FundingRequest request = new FundingRequest();
        request.id = UUID.randomUUID();
        request.organizationId = organizationId;
        request.submittedBy = actor.subject();
        request.prescribedBy = actor.subject();
        request.prescriberOrganizationId = prescriberOrganization;
        request.confirmationTokenHash = hash(token);
        request.need = input.need().strip();
        request.pillars = new ArrayList<>(input.pillars().stream().map(Enum::name).sorted().toList());
        request.schemeIds = new ArrayList<>(schemeIds);
        request.department = input.department() != null ? input.department() : known == null ? null : known.department;
        request.companyCategory = CompanyCategory.TPE.name();
        request.idempotencyKey = idempotencyKey;
        request.likelyRepeatOf = likelyRepeatOf(organizationId, request.pillars, now);
        request.submittedAt = now;
        request.statusChangedAt = now;
        request.status = RequestStatus.AWAITING_CONFIRMATION;
        try {
            request.persist();
            request.flush();
        } catch (PersistenceException e) {
            throw new ClientErrorException("A request with this Idempotency-Key is being submitted at the same time; "
                    + "retry to get it.", Status.CONFLICT);
        }
        announce(PRESCRIBED, request, now);
        return new Prescription(request, token, false);
    }

    /**
     * The business confirms a prescribed request, by the secret of its link or logged in as its member; then the
     * request is routed. Anyone else, or a wrong secret, gets a 404, as if it did not exist.
     */
    @Transactional
    public FundingRequest confirm(UUID id, String token) {
        FundingRequest request = FundingRequest.<FundingRequest>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
        if (!mayConfirm(request, token)) {
            throw notFound(id);
        }
        if (request.status != RequestStatus.AWAITING_CONFIRMATION) {
            throw new ClientErrorException("Request " + id + " is " + request.status + "; "
                    + (request.status == RequestStatus.EXPIRED ? "it expired unconfirmed." : "it was already confirmed."),
                    Status.CONFLICT);
        }
        OffsetDateTime now = time.now();
        request.confirmedAt = now;
        request.confirmationTokenHash = null;
        route(request);
        request.statusChangedAt = now;
        announce(CONFIRMED, request, now);
        return request;
    }

    /** The prescribed request a confirmation link shows: to the holder of its secret (or the business's member) only. */
    @Transactional
    public FundingRequest toConfirm(UUID id, String token) {
        FundingRequest request = FundingRequest.<FundingRequest>findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (request.prescribedBy == null || !mayConfirm(request, token)) {
            throw notFound(id);
        }
        return request;
    }

    private boolean mayConfirm(FundingRequest request, String token) {
        if (request.prescribedBy == null) {
            return false;
        }
        boolean member = actor.hasRole(Roles.MEMBER)
                && request.organizationId.toString().equals(actor.organizationId().orElse(null));
        if (member) {
            return true;
        }
        return token != null && request.confirmationTokenHash != null && MessageDigest.isEqual(
                hash(token).getBytes(StandardCharsets.US_ASCII), request.confirmationTokenHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> publishedSchemes(Set<UUID> ids) {
        List<UUID> schemeIds = ids == null ? List.of() : ids.stream().sorted().toList();
        List<UUID> unknown = schemeIds.stream().filter(id -> Scheme.<Scheme>findByIdOptional(id)
                .filter(scheme -> scheme.status == SchemeStatus.PUBLISHED).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new BadRequestException("Unknown or closed scheme(s): " + unknown + ".");
        }
        return schemeIds;
    }

    /** An advisor's answer on a request routed to them; anyone else gets a 404, as if it did not exist. */
    @Transactional
    public FundingRequest answer(UUID id, Answer answer, CloseInput closing, String reason) {
        CloseOutcome outcome = answer == Answer.CLOSE ? closing.outcome() : null;
        FundingRequest request = FundingRequest.<FundingRequest>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
        RequestAssignment assignment = request.assignmentOf(actor.subject());
        if (assignment == null) {
            throw notFound(id);
        }
        if (request.status == RequestStatus.AWAITING_CONFIRMATION) {
            throw notFound(id);
        }
        if (request.status == RequestStatus.EXPIRED) {
            throw new ClientErrorException("Request " + id + " expired without an answer; it can no longer be answered.",
                    Status.CONFLICT);
        }
        AssignmentStatus next = switch (answer) {
            case TAKE_IN_CHARGE -> transition(assignment, AssignmentStatus.IN_CHARGE,
                    Set.of(AssignmentStatus.PENDING, AssignmentStatus.DECLINED));
            case DECLINE -> transition(assignment, AssignmentStatus.DECLINED,
                    Set.of(AssignmentStatus.PENDING, AssignmentStatus.IN_CHARGE));
            case CLOSE -> transition(assignment, AssignmentStatus.CLOSED,
                    Set.of(AssignmentStatus.PENDING, AssignmentStatus.IN_CHARGE));
        };
        List<UUID> committed = List.of();
        if (outcome == CloseOutcome.HELPED) {
            committed = closing.schemeIds().stream().sorted(Comparator.comparing(UUID::toString)).toList();
            List<UUID> unknown = committed.stream().filter(scheme -> Scheme.findByIdOptional(scheme).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                throw new BadRequestException("schemeIds: unknown scheme(s) " + unknown + "; name schemes of the catalogue.");
            }
        }
        OffsetDateTime now = time.now();
        assignment.status = next;
        assignment.outcome = outcome;
        assignment.committedSchemeIds = new ArrayList<>(committed);
        assignment.amountCommittedEur = outcome == CloseOutcome.HELPED ? closing.amountCommittedEur().longValueExact() : null;
        assignment.reason = reason;
        assignment.answeredAt = now;
        if (request.firstAnsweredAt == null) {
            request.firstAnsweredAt = now;
        }
        request.reminderDue = false;
        changeStatus(request, derive(request), now);
        announce(switch (answer) {
            case TAKE_IN_CHARGE -> TAKEN_IN_CHARGE;
            case DECLINE -> DECLINED;
            case CLOSE -> CLOSED;
        }, request, now);
        return request;
    }

    /** The member's satisfaction, once, on a closed request of its organization. */
    @Transactional
    public FundingRequest recordSatisfaction(UUID id, int score, String comment) {
        FundingRequest request = visible(id);
        if (!actor.hasRole(Roles.MEMBER) || !request.organizationId.equals(memberOrganization())) {
            throw new ForbiddenException("Only a member of the requesting organization may answer.");
        }
        if (!RequestStatus.CLOSED.contains(request.status)) {
            throw new ClientErrorException("Request " + id + " is " + request.status
                    + "; satisfaction is asked once it is closed (HELPED, NOT_HELPED or UNREACHABLE).", Status.CONFLICT);
        }
        if (request.satisfactionScore != null) {
            throw new ClientErrorException("Satisfaction was already recorded for request " + id + ".", Status.CONFLICT);
        }
        request.satisfactionScore = score;
        request.satisfactionComment = comment;
        announce(SATISFACTION_RECORDED, request, time.now());
        return request;
    }

    /**
     * Applies the reminder and expiry rules to at most {@code batch} requests; returns how many changed. Requests
     * nobody has taken in charge or closed are flagged after {@code reminderAfter} and expire after
     * {@code expireAfter}.
     */
    @Transactional
    public int applyDeadlines(Duration reminderAfter, Duration expireAfter, int batch) {
        OffsetDateTime now = time.now();
        List<FundingRequest> expiring = FundingRequest.find("status in ?1 and submittedAt <= ?2 order by submittedAt, id",
                RequestStatus.EXPIRING, now.minus(expireAfter)).page(0, batch).list();
        for (FundingRequest request : expiring) {
            request.reminderDue = false;
            request.confirmationTokenHash = null;
            changeStatus(request, RequestStatus.EXPIRED, now);
            announce(EXPIRED, request, now);
        }
        List<FundingRequest> reminding = FundingRequest.find(
                "status in ?1 and reminderDue = false and submittedAt <= ?2 order by submittedAt, id",
                RequestStatus.UNANSWERED, now.minus(reminderAfter)).page(0, batch).list();
        for (FundingRequest request : reminding) {
            request.reminderDue = true;
            announce(REMINDER_DUE, request, now);
            request.assignments.stream().filter(a -> a.status == AssignmentStatus.PENDING)
                    .forEach(a -> notices.requestReminder(a.advisor, noticeRef(request)));
        }
        return expiring.size() + reminding.size();
    }

    /** A request the caller may see: admins all, advisors those routed to them, members their organization's. */
    public FundingRequest visible(UUID id) {
        FundingRequest request = FundingRequest.<FundingRequest>findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (actor.hasRole(Roles.ADMIN)
                || actor.hasRole(Roles.ADVISOR) && request.assignmentOf(actor.subject()) != null
                || actor.hasRole(Roles.PRESCRIBER) && actor.subject().equals(request.prescribedBy)
                || actor.hasRole(Roles.MEMBER) && request.organizationId.toString().equals(actor.organizationId().orElse(null))) {
            return request;
        }
        throw notFound(id);
    }

    UUID memberOrganization() {
        String organization = actor.organizationId().orElseThrow(
                () -> new ForbiddenException("This token does not represent an organization."));
        try {
            return UUID.fromString(organization);
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("This token's organization is not a directory id.");
        }
    }

    private UUID likelyRepeatOf(UUID organizationId, List<String> pillars, OffsetDateTime now) {
        List<FundingRequest> recent = FundingRequest.list(
                "organizationId = ?1 and submittedAt >= ?2 order by submittedAt desc, id", organizationId,
                now.minusDays(repeatWindowDays));
        Set<String> wanted = new HashSet<>(pillars);
        return recent.stream().filter(earlier -> earlier.pillars.stream().anyMatch(wanted::contains))
                .map(earlier -> earlier.id).findFirst().orElse(null);
    }

    private static String categoryOf(KnownOrganization known) {
        Set<CompanyCategory> possible = possibleCategories(known);
        return possible.size() == 1 ? possible.iterator().next().name() : null;
    }

    /** The categories the directory's headcount band leaves possible (all of them when it is not known). */
    private static Set<CompanyCategory> possibleCategories(KnownOrganization known) {
        HeadcountBand band = null;
        if (known != null && known.headcountBand != null) {
            try {
                band = HeadcountBand.valueOf(known.headcountBand);
            } catch (IllegalArgumentException e) {
                band = null;
            }
        }
        return EligibilityMatcher.possibleCategories(
                new CompanyProfile(null, band, null, null, null, null, null, null, null, null, null, null));
    }

    private static RequestStatus derive(FundingRequest request) {
        return RequestStatus.derive(request.assignments.stream().map(a -> a.status).toList(),
                request.assignments.stream().map(a -> a.outcome).filter(Objects::nonNull).toList());
    }

    private static AssignmentStatus transition(RequestAssignment assignment, AssignmentStatus next, Set<AssignmentStatus> from) {
        if (!from.contains(assignment.status)) {
            throw new ClientErrorException("You cannot go from " + assignment.status + " to " + next + " on this request.",
                    Status.CONFLICT);
        }
        return next;
    }

    /** A new status is told to who submitted the request (the member, or the prescriber who filed it). */
    private void changeStatus(FundingRequest request, RequestStatus status, OffsetDateTime now) {
        if (request.status != status) {
            request.status = status;
            request.statusChangedAt = now;
            notices.requestStatusChanged(request.submittedBy, noticeRef(request));
        }
    }

    private static FundingNotice.RequestRef noticeRef(FundingRequest request) {
        return new FundingNotice.RequestRef(request.id, request.status, request.submittedAt);
    }

    private void announce(String type, FundingRequest request, OffsetDateTime now) {
        outbox.publish(TOPIC, type, request.id.toString(), RequestChanged.of(request, now));
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("Request " + id + " does not exist or is not visible to you.");
    }
}
