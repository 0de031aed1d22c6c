package fr.sudia.directory.catalogue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;

import org.hibernate.Hibernate;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.directory.organization.ModerationStatus;
import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationHistory;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/**
 * The rules shared by solutions and trainings: each belongs to an organization of the directory, only its
 * member (or an editor) changes it, a member's new entry waits for an editor, and every change goes to the
 * organization's history.
 */
@ApplicationScoped
public class Catalogue {

    private final EntityManager entityManager;
    private final CurrentActor actor;
    private final ObjectMapper mapper;

    Catalogue(EntityManager entityManager, CurrentActor actor, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.actor = actor;
        this.mapper = mapper;
    }

    @Transactional
    public <E extends CatalogueEntry> E add(E entry, UUID organizationId, Object input) {
        Organization owner = Organization.findLive(organizationId)
                .orElseThrow(() -> new BadRequestException("organizationId " + organizationId + " is not in the directory."));
        requireActsFor(owner.id);
        entry.id = UUID.randomUUID();
        entry.organizationId = owner.id;
        entry.moderationStatus = isModerator() ? ModerationStatus.PUBLISHED : ModerationStatus.PENDING;
        entry.createdAt = now();
        entry.updatedAt = entry.createdAt;
        entityManager.persist(entry);
        record(entry, "ADDED", input);
        return entry;
    }

    @Transactional
    public <E extends CatalogueEntry> E change(Class<E> type, UUID id, long expectedVersion, Object input,
            Consumer<E> changes) {
        E entry = editable(type, id, expectedVersion);
        changes.accept(entry);
        entry.updatedAt = now();
        entityManager.flush();
        record(entry, "UPDATED", input);
        return entry;
    }

    @Transactional
    public <E extends CatalogueEntry> void remove(Class<E> type, UUID id, long expectedVersion) {
        E entry = editable(type, id, expectedVersion);
        entry.deletedAt = now();
        entry.updatedAt = entry.deletedAt;
        record(entry, "REMOVED", mapper.createObjectNode());
    }

    @Transactional
    public <E extends CatalogueEntry> E approve(Class<E> type, UUID id) {
        E entry = live(type, id);
        if (entry.moderationStatus != ModerationStatus.PENDING) {
            throw new ClientErrorException(noun(type) + " " + id + " is not waiting for moderation.", Status.CONFLICT);
        }
        entry.moderationStatus = ModerationStatus.PUBLISHED;
        entry.updatedAt = now();
        record(entry, "APPROVED", mapper.createObjectNode());
        return entry;
    }

    /** The entry if the caller may see it: public ones for anyone, others for editors and the owner's member. */
    public <E extends CatalogueEntry> E visible(Class<E> type, UUID id) {
        E entry = live(type, id);
        if (!entry.isPublic() && !isModerator()
                && !entry.organizationId.toString().equals(actor.organizationId().orElse(null))) {
            throw notFound(type, id);
        }
        return entry;
    }

    private <E extends CatalogueEntry> E editable(Class<E> type, UUID id, long expectedVersion) {
        E entry = live(type, id);
        requireActsFor(entry.organizationId);
        if (entry.version != expectedVersion) {
            throw new ClientErrorException(noun(type) + " " + id + " changed since version \"" + expectedVersion
                    + "\" (now \"" + entry.version + "\"): read it again and retry.", Status.PRECONDITION_FAILED);
        }
        return entry;
    }

    private <E extends CatalogueEntry> E live(Class<E> type, UUID id) {
        E entry = entityManager.find(type, id);
        if (entry == null || entry.deletedAt != null) {
            throw notFound(type, id);
        }
        return entry;
    }

    private void requireActsFor(UUID organizationId) {
        if (!isModerator()) {
            actor.requireActsFor(organizationId.toString());
        }
    }

    private boolean isModerator() {
        return actor.hasRole(Roles.EDITOR) || actor.hasRole(Roles.ADMIN);
    }

    private void record(CatalogueEntry entry, String change, Object input) {
        String action = noun(Hibernate.getClass(entry)).toUpperCase() + "_" + change;
        var changes = mapper.createObjectNode().put("id", entry.id.toString());
        changes.set("input", mapper.valueToTree(input));
        OrganizationHistory.record(entry.organizationId, actor.subject(), action, changes.toString());
    }

    private static String noun(Class<?> type) {
        return type.getSimpleName();
    }

    private static NotFoundException notFound(Class<?> type, UUID id) {
        return new NotFoundException("No " + noun(type).toLowerCase() + " " + id + " in the directory.");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
