package fr.sudia.notifications.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.sudia.notifications.email.Emails;
import fr.sudia.notifications.email.Suppressions;
import fr.sudia.notifications.email.UnsubscribeTokens;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/**
 * Subscribing to alerts with double opt-in: a subscription is stored PENDING and only its confirmation request is
 * sent; the link's secret (only its SHA-256 is kept) confirms it, recording the consent text's version and time.
 * Unconfirmed ones are deleted when they expire. The address's subscriptions are listed and deleted through a link
 * signed for that address (the same HMAC as unsubscribe links, another scope).
 */
@ApplicationScoped
public class Alerts {

    /** The version of the consent text the form's {@code consent} accepts (see {@link #CONSENT_TEXT}). */
    public static final String CONSENT_TEXT_VERSION = "alertes-2026-12";
    public static final Map<String, String> CONSENT_TEXT = Map.of(
            "fr", "J'accepte que Sud IA m'écrive à cette adresse pour cette alerte, à la fréquence choisie, jusqu'à ce "
                    + "que je me désabonne (un lien dans chaque message) ou supprime l'alerte. Mon adresse ne sert qu'à cela.",
            "en", "I agree that Sud IA writes to this address for this alert, as often as I chose, until I unsubscribe (a "
                    + "link in every message) or delete the alert. My address is used for nothing else.");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CurrentActor actor;
    private final Emails emails;
    private final UnsubscribeTokens tokens;
    private final Suppressions suppressions;
    private final Clock clock;
    private final Duration confirmationExpiry;
    private final int maxPendingPerAddress;
    private final String publicBaseUrl;

    Alerts(CurrentActor actor, Emails emails, UnsubscribeTokens tokens, Suppressions suppressions, Clock clock,
            @ConfigProperty(name = "sudia.notifications.alerts.confirmation-expiry", defaultValue = "72h") Duration confirmationExpiry,
            @ConfigProperty(name = "sudia.notifications.alerts.max-pending-per-address", defaultValue = "5") int maxPendingPerAddress,
            @ConfigProperty(name = "sudia.notifications.public-base-url") String publicBaseUrl) {
        this.actor = actor;
        this.emails = emails;
        this.tokens = tokens;
        this.suppressions = suppressions;
        this.clock = clock;
        this.confirmationExpiry = confirmationExpiry;
        this.maxPendingPerAddress = maxPendingPerAddress;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** Stores the subscription PENDING and queues its confirmation request; nothing else is sent before it is confirmed. */
    public AlertSubscription subscribe(AlertForm form) {
        List<String> departments = distinct(form.departments());
        List<String> audiences = distinct(form.audiences());
        List<UUID> schemeIds = distinct(form.schemeIds());
        List<String> applicantTypes = distinct(form.applicantTypes());
        List<String> misplaced = new ArrayList<>();
        if (!AlertKind.EVENTS.equals(form.kind()) && !departments.isEmpty()) {
            misplaced.add("departments");
        }
        if (!AlertKind.EVENTS.equals(form.kind()) && !audiences.isEmpty()) {
            misplaced.add("audiences");
        }
        if (!AlertKind.DEADLINES.equals(form.kind()) && !schemeIds.isEmpty()) {
            misplaced.add("schemeIds");
        }
        if (!AlertKind.CALLS.equals(form.kind()) && !applicantTypes.isEmpty()) {
            misplaced.add("applicantTypes");
        }
        if (!AlertKind.SCHEMES.equals(form.kind()) && form.organizationId() != null) {
            misplaced.add("organizationId");
        }
        if (!misplaced.isEmpty()) {
            throw new BadRequestException(String.join(", ", misplaced) + ": not a filter of " + form.kind() + " alerts.");
        }
        if (AlertKind.DEADLINES.equals(form.kind()) && schemeIds.isEmpty()) {
            throw new BadRequestException("schemeIds: a DEADLINES alert follows at least one scheme.");
        }
        if (AlertKind.SCHEMES.equals(form.kind())) {
            requireMemberOf(form.organizationId());
        }
        String email = Suppressions.normalize(form.email());
        OffsetDateTime now = OffsetDateTime.now(clock);
        long pending = AlertSubscription.count("email = ?1 and status = ?2 and expiresAt > ?3", email,
                AlertSubscription.PENDING, now);
        if (pending >= maxPendingPerAddress) {
            throw new ClientErrorException("This address has " + pending + " alerts waiting for confirmation already: "
                    + "confirm them (see the emails sent) or wait until they expire.", Status.TOO_MANY_REQUESTS);
        }
        AlertSubscription s = new AlertSubscription();
        s.id = UUID.randomUUID();
        s.email = email;
        s.language = form.language();
        s.kind = form.kind();
        s.frequency = form.frequency();
        s.departments = departments;
        s.audiences = audiences;
        s.schemeIds = schemeIds;
        s.applicantTypes = applicantTypes;
        s.organizationId = form.organizationId();
        s.status = AlertSubscription.PENDING;
        s.consentTextVersion = CONSENT_TEXT_VERSION;
        s.createdAt = now;
        s.expiresAt = now.plus(confirmationExpiry);
        String secret = secret();
        s.confirmTokenHash = hash(secret);
        s.persist();

        boolean english = "en".equals(s.language);
        emails.queue(new Emails.Message("alert-confirm/" + s.id, AlertKind.CONFIRMATION_CATEGORY, "alert-confirm", email,
                s.language, english ? "Confirm your Sud IA alert" : "Confirmez votre alerte Sud IA",
                Map.of("confirmUrl", publicBaseUrl + "/api/notifications/v1/alerts/confirmation?token=" + secret,
                        "what", AlertTexts.describe(s), "consentText", CONSENT_TEXT.get(s.language),
                        "expiresAt", AlertTexts.dateTime(s.expiresAt, english)),
                null));
        return s;
    }

    /** The pending subscription a confirmation link names (404 when unknown, used or expired). */
    public AlertSubscription pending(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            throw new BadRequestException("token: the confirmation link's token is missing or malformed.");
        }
        return AlertSubscription.<AlertSubscription>find("confirmTokenHash = ?1 and status = ?2 and expiresAt > ?3",
                hash(secret), AlertSubscription.PENDING, OffsetDateTime.now(clock)).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("This confirmation link is unknown, was used already or has expired."));
    }

    /** Confirms: the consent (text version, time) is recorded and the alert becomes active. */
    public AlertSubscription confirm(String secret) {
        AlertSubscription s = pending(secret);
        OffsetDateTime now = OffsetDateTime.now(clock);
        s.status = AlertSubscription.CONFIRMED;
        s.confirmTokenHash = null;
        s.expiresAt = null;
        s.consentAt = now;
        s.confirmedAt = now;
        return s;
    }

    /** Deletes the subscriptions never confirmed in time. */
    public long deleteExpired() {
        return AlertSubscription.delete("status = ?1 and expiresAt <= ?2", AlertSubscription.PENDING, OffsetDateTime.now(clock));
    }

    /** The address a management link is for (400 when the token is not one). */
    public String manager(String token) {
        return tokens.verify(token).filter(subject -> AlertKind.MANAGE_SCOPE.equals(subject.category()))
                .map(UnsubscribeTokens.Subject::email)
                .orElseThrow(() -> new BadRequestException("token: this link to manage alerts is not valid."));
    }

    public List<AlertSubscription> of(String email) {
        return AlertSubscription.list("email = ?1 order by createdAt", email);
    }

    public boolean unsubscribed(AlertSubscription s) {
        return suppressions.suppressed(s.email, s.category());
    }

    public void delete(String email, UUID id) {
        if (AlertSubscription.delete("email = ?1 and id = ?2", email, id) == 0) {
            throw new NotFoundException("Alert " + id + " does not exist.");
        }
    }

    public long deleteAll(String email) {
        return AlertSubscription.delete("email", email);
    }

    /** The link that lists and deletes the address's alerts (in every alert message). */
    /** A page of the platform, through the gateway, for the links of the messages. */
    String publicLink(String path) {
        return publicBaseUrl + path;
    }

    public String manageUrl(String email) {
        return publicBaseUrl + "/api/notifications/v1/alerts/manage?token="
                + URLEncoder.encode(tokens.issue(email, AlertKind.MANAGE_SCOPE), StandardCharsets.UTF_8);
    }

    /** Organization-profile alerts are for the organization's members only; any other organization is a 404. */
    private void requireMemberOf(UUID organizationId) {
        if (organizationId == null) {
            throw new BadRequestException("organizationId: a SCHEMES alert names the organization whose profile is matched.");
        }
        if (!actor.isAuthenticated()) {
            throw new NotAuthorizedException("A SCHEMES alert needs a member's token.", "Bearer");
        }
        if (!actor.hasRole(Roles.MEMBER) || !organizationId.toString().equals(actor.organizationId().orElse(null))) {
            throw new NotFoundException("Organization " + organizationId + " does not exist.");
        }
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values.stream().distinct().toList());
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
