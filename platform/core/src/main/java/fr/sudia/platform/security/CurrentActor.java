package fr.sudia.platform.security;

import java.util.Optional;

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

    /** Lets admins through, and a member or partner only for its own organization. */
    public void requireActsFor(String organizationId) {
        if (hasRole(Roles.ADMIN)) {
            return;
        }
        if (organizationId == null || !organizationId.equals(organizationId().orElse(null))) {
            throw new ForbiddenException("This token does not represent organization " + organizationId + ".");
        }
    }
}
