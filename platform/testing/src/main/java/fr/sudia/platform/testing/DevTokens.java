package fr.sudia.platform.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import fr.sudia.platform.security.Roles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Development tokens for tests: a key pair made for the test run, whose public key the application is
 * told to trust, and tokens signed with its private key for any role and organization.
 */
public class DevTokens implements QuarkusTestResourceLifecycleManager {

    private static final KeyPair KEYS = generate();
    /** The audience every service checks (mp.jwt.verify.audiences in platform/core). */
    public static final String AUDIENCE = "sudia-api";

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()));
    }

    @Override
    public void stop() {
    }

    /** A token of the given role, not tied to an organization (admin, editor, advisor, reviewer). */
    public static String forRole(String role) {
        return claims(role).sign(KEYS.getPrivate());
    }

    /** A token of a member or partner representing one organization. */
    public static String forOrganization(String role, String organizationId) {
        return claims(role).claim(Roles.ORGANIZATION_CLAIM, organizationId).sign(KEYS.getPrivate());
    }

    /** A token of the given role for a chosen subject, with more claims (e.g. {@code email}, {@code email_verified}). */
    public static String forSubject(String role, String subject, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.issuer("urn:sud-ia:dev").subject(subject).upn(subject).groups(role)
                .audience(AUDIENCE).expiresIn(3600);
        claims.forEach(builder::claim);
        return builder.sign(KEYS.getPrivate());
    }

    /** A token of the given role, trusted key and issuer, but meant for another audience (or none, when null). */
    public static String forAudience(String role, String audience) {
        JwtClaimsBuilder claims = Jwt.issuer("urn:sud-ia:dev").subject(role).upn(role).groups(role).expiresIn(3600);
        return (audience == null ? claims : claims.audience(audience)).sign(KEYS.getPrivate());
    }

    /** A well-formed token signed by a key the application does not trust. */
    public static String forgedToken(String role) {
        return claims(role).sign(generate().getPrivate());
    }

    private static JwtClaimsBuilder claims(String role) {
        String subject = role + "-" + UUID.randomUUID();
        return Jwt.issuer("urn:sud-ia:dev").subject(subject).upn(subject).groups(role).audience(AUDIENCE)
                .expiresIn(3600);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
