package fr.sudia.notifications.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.sudia.notifications.email.Emails;
import fr.sudia.notifications.email.Suppressions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

/**
 * The contact book. A person records an address by acting while logged in: the token's verified email claim is
 * taken as it is; any other address is written to once with a link, and used only once that link is followed.
 */
@ApplicationScoped
public class Contacts {

    public static final String CONFIRMATION_CATEGORY = "contact.confirmation";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the token says of its address. */
    public record TokenAddress(String email, boolean verified) {
    }

    private final Emails emails;
    private final Clock clock;
    private final Duration confirmationValidity;
    private final String publicBaseUrl;

    Contacts(Emails emails, Clock clock,
            @ConfigProperty(name = "sudia.notifications.contact.confirmation-validity") Duration confirmationValidity,
            @ConfigProperty(name = "sudia.notifications.public-base-url") String publicBaseUrl) {
        this.emails = emails;
        this.clock = clock;
        this.confirmationValidity = confirmationValidity;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    @Transactional
    public Contact record(String subject, TokenAddress token, ContactForm form) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Contact contact = Contact.<Contact>findByIdOptional(subject).orElseGet(() -> {
            Contact created = new Contact();
            created.subject = subject;
            created.createdAt = now;
            return created;
        });
        contact.language = form.language();
        contact.updatedAt = now;
        String tokenEmail = token.verified() && token.email() != null ? Suppressions.normalize(token.email()) : null;
        String given = form.email() == null ? null : Suppressions.normalize(form.email());
        if (given == null && tokenEmail == null) {
            throw new BadRequestException("email: this token carries no verified email claim; give the address to be "
                    + "written to (a confirmation link is sent to it).");
        }
        if (given == null || given.equals(tokenEmail) || given.equals(contact.email)) {
            contact.email = given == null ? tokenEmail : given;
            contact.pendingEmail = null;
            contact.confirmationHash = null;
            contact.confirmationExpiresAt = null;
        } else {
            String secret = newSecret();
            contact.pendingEmail = given;
            contact.confirmationHash = hash(secret);
            contact.confirmationExpiresAt = now.plus(confirmationValidity);
            emails.queue(new Emails.Message("contact-confirmation/" + contact.confirmationHash, CONFIRMATION_CATEGORY,
                    "contact-confirmation", given, form.language(),
                    "en".equals(form.language()) ? "Confirm your address" : "Confirmez votre adresse",
                    Map.of("confirmUrl", publicBaseUrl + "/api/notifications/v1/contact/confirmations?token=" + secret,
                            "validDays", Long.toString(Math.max(1, confirmationValidity.toDays()))), null));
        }
        contact.persist();
        return contact;
    }

    /** Follows a confirmation link: the pending address becomes the one written to. */
    @Transactional
    public Contact confirm(String secret) {
        Contact contact = pending(secret);
        contact.email = contact.pendingEmail;
        contact.pendingEmail = null;
        contact.confirmationHash = null;
        contact.confirmationExpiresAt = null;
        contact.updatedAt = OffsetDateTime.now(clock);
        return contact;
    }

    /** The contact a confirmation link would confirm (a GET must change nothing: mail scanners follow links). */
    @Transactional
    public Contact pending(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            throw new BadRequestException("token: missing or malformed confirmation token.");
        }
        return Contact.<Contact>find("confirmationHash", hash(secret)).firstResultOptional()
                .filter(c -> c.confirmationExpiresAt != null && c.confirmationExpiresAt.isAfter(OffsetDateTime.now(clock)))
                .orElseThrow(() -> new BadRequestException("token: unknown or expired confirmation link; record the address again."));
    }

    @Transactional
    public Contact find(String subject) {
        return Contact.<Contact>findByIdOptional(subject)
                .orElseThrow(() -> new NotFoundException("No address is recorded for you."));
    }

    @Transactional
    public void erase(String subject) {
        if (!Contact.deleteById(subject)) {
            throw new NotFoundException("No address is recorded for you.");
        }
    }

    /** The confirmed address and language of a subject, if they recorded one (in the caller's transaction). */
    public Optional<Contact> addressOf(String subject) {
        return Contact.<Contact>findByIdOptional(subject).filter(c -> c.email != null);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
