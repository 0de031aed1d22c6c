package fr.sudia.platform.security;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token whose {@code org} claim is not a directory id (a UUID) is refused as a whole (401), before any service
 * compares or parses the claim: every service reads it as an organization id.
 */
@ApplicationScoped
public class OrganizationClaimCheck implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Object claim = token.getClaim(Roles.ORGANIZATION_CLAIM);
        if (claim != null && !isUuid(String.valueOf(claim))) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "The token's " + Roles.ORGANIZATION_CLAIM + " claim is not an organization id (a UUID)."));
        }
        return Uni.createFrom().item(identity);
    }

    static boolean isUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
