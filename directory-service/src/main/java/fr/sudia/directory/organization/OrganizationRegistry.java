package fr.sudia.directory.organization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.hibernate.exception.ConstraintViolationException;

import fr.sudia.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response.Status;

/** Registers organizations; each change and its {@code directory.organizations.v1} event commit together. */
@ApplicationScoped
public class OrganizationRegistry {

    public static final String TOPIC = "directory.organizations.v1";
    public static final String REGISTERED = "fr.sudia.directory.organization.registered";

    private final Outbox outbox;

    OrganizationRegistry(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Organization register(RegisterOrganization request) {
        if (Organization.sirenTaken(request.siren())) {
            throw sirenConflict(request.siren());
        }
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = request.name().strip();
        organization.kind = request.kind();
        organization.siren = request.siren();
        organization.city = request.city().strip();
        organization.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        organization.updatedAt = organization.createdAt;
        try {
            organization.persistAndFlush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw sirenConflict(request.siren());
            }
            throw e;
        }
        outbox.publish(TOPIC, REGISTERED, organization.id.toString(), OrganizationView.of(organization));
        return organization;
    }

    private static ClientErrorException sirenConflict(String siren) {
        return new ClientErrorException("An organization with SIREN " + siren + " is already registered.",
                Status.CONFLICT);
    }
}
