package fr.sudia.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The pseudonym that replaces an erased person's identifiers where a record must stay ({@code "erased-"} and 16 hex
 * characters), and the digest an audit trail keeps of an actor: both HMAC-SHA256 with the platform's key
 * {@value #KEY}, the same in every service, so one person gets the same pseudonym everywhere and nobody without
 * the key can tell whom it stands for. Production refuses the development key (ProductionSecretsGuard).
 */
public final class Pseudonyms {

    public static final String KEY = "sudia.privacy.pseudonym-key";
    public static final String PREFIX = "erased-";

    private Pseudonyms() {
    }

    /** The pseudonym of an identifier (a token subject or an email address), with the configured key. */
    public static String of(String identifier) {
        return of(configuredKey(), identifier);
    }

    /** The pseudonym of a person: of their token subject when the request names one, else of their email address. */
    public static String of(DataSubject person) {
        return of(person.hasSubject() ? person.subject() : person.email());
    }

    /** The full HMAC-SHA256 of a value (64 hex characters), with the configured key: an actor's digest. */
    public static String digest(String value) {
        return digest(configuredKey(), value);
    }

    /** Whether a value is already a pseudonym (an erasure replayed finds its own work). */
    public static boolean isPseudonym(String value) {
        return value != null && value.matches(PREFIX + "[0-9a-f]{16}");
    }

    static String of(String key, String identifier) {
        return PREFIX + digest(key, identifier).substring(0, 16);
    }

    static String digest(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("nothing to pseudonymize");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String configuredKey() {
        return ConfigProvider.getConfig().getValue(KEY, String.class);
    }
}
