package fr.sudia.funding.scheme;

import java.util.Objects;
import java.util.UUID;

import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;

/**
 * Who may change a scheme: admins any, an advisor only those of the organization its token's {@code org} claim
 * names (the provider it works for). A scheme is public, so refusing with 403 reveals nothing.
 */
@ApplicationScoped
public class SchemeStewards {

    private final CurrentActor actor;

    SchemeStewards(CurrentActor actor) {
        this.actor = actor;
    }

    /** The provider organization a new or replaced scheme gets: an advisor's own, an admin's choice. */
    UUID providerFor(SchemeInput input) {
        if (actor.hasRole(Roles.ADMIN)) {
            return input.providerOrganizationId();
        }
        UUID own = ownProvider();
        if (input.providerOrganizationId() != null && !input.providerOrganizationId().equals(own)) {
            throw new ForbiddenException("An advisor publishes only for its own provider organization " + own + ".");
        }
        return own;
    }

    void requireMayChange(Scheme scheme) {
        if (actor.hasRole(Roles.ADMIN)) {
            return;
        }
        if (!Objects.equals(scheme.providerOrganizationId, ownProvider())) {
            throw new ForbiddenException("Scheme " + scheme.id + " belongs to another provider: only its advisors "
                    + "or an admin may change it.");
        }
    }

    private UUID ownProvider() {
        String org = actor.organizationId().orElseThrow(() -> new ForbiddenException(
                "An advisor's token must name its provider organization (org claim)."));
        try {
            return UUID.fromString(org);
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("This token's organization is not a directory id.");
        }
    }
}
