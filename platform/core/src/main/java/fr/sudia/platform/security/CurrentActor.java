package fr.sudia.platform.security;

import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;

/** Who is calling: the verified token's subject, roles and organization. */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken token;

    CurrentActor(JsonWebToken token) {
        this.token = token;
    }

    /** A verified token, or an identity the service built for work it resumes on someone's behalf (no raw token). */
    public boolean isAuthenticated() {
        return token.getRawToken() != null || token.getSubject() != null;
    }

    public String subject() {
        return isAuthenticated() ? token.getSubject() : "anonymous";
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** The organization a member or partner represents, from the {@code org} claim. */
    public Optional<String> organizationId() {
        return Optional.ofNullable(token.<Object>getClaim(Roles.ORGANIZATION_CLAIM)).map(String::valueOf);
    }

    /** Whether this caller is an admin or represents the organization. */
    public boolean actsFor(String organizationId) {
        return hasRole(Roles.ADMIN) || organizationId != null && organizationId.equals(organizationId().orElse(null));
    }

    /** Lets admins through, and a member or partner only for its own organization. */
    public void requireActsFor(String organizationId) {
        if (!actsFor(organizationId)) {
            throw new ForbiddenException("This token does not represent organization " + organizationId + ".");
        }
    }

    /**
     * For an organization's private object: admins and the organization's own pass, anyone else gets
     * {@code notFound}, the very error a missing id gets, so that a refusal never reveals the object exists.
     */
    public void requireOwnOrNotFound(String organizationId, Supplier<? extends RuntimeException> notFound) {
        if (!actsFor(organizationId)) {
            throw notFound.get();
        }
    }
}
