package fr.sudia.directory.catalogue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.hibernate.Hibernate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.directory.organization.ModerationStatus;
import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationHistory;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.paging.Cursor;
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
 * member (or an editor) changes it, a member's new entry and a member's change to a published entry wait for an
 * editor (the public keep seeing the approved version meanwhile), and every change goes to the organization's
 * history. Another organization's entry that is not public is answered as a missing one.
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
        // before the lookup, so that the answer says nothing of another organization's unpublished entry
        requireActsFor(organizationId);
        Organization owner = Organization.findLive(organizationId)
                .orElseThrow(() -> new BadRequestException("organizationId " + organizationId + " is not in the directory."));
        entry.id = UUID.randomUUID();
        entry.organizationId = owner.id;
        entry.moderationStatus = isModerator() ? ModerationStatus.PUBLISHED : ModerationStatus.PENDING;
        entry.createdAt = now();
        entry.updatedAt = entry.createdAt;
        entityManager.persist(entry);
        record(entry, "ADDED", input);
        return entry;
    }

    /**
     * Replaces an entry. A member's change to a published entry is kept aside as {@code pendingChange} (checked
     * now, applied by {@link #approve}); the caller answers 202 then.
     */
    @Transactional
    public <E extends CatalogueEntry> E change(Class<E> type, UUID id, long expectedVersion, Object input,
            Consumer<E> changes) {
        E entry = editable(type, id, expectedVersion);
        if (!isModerator() && entry.moderationStatus == ModerationStatus.PUBLISHED) {
            checkOnACopy(type, entry, changes);
            entry.pendingChange = toJson(input);
            entry.pendingSince = now();
            entry.updatedAt = entry.pendingSince;
            entityManager.flush();
            record(entry, "CHANGE_PROPOSED", input);
            return entry;
        }
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

    /** An editor makes a member's new entry public, or applies a member's pending change. */
    @Transactional
    public <E extends CatalogueEntry, I> E approve(Class<E> type, UUID id, Class<I> inputType, BiConsumer<E, I> apply) {
        E entry = live(type, id);
        if (entry.pendingChange != null) {
            I input = fromJson(entry.pendingChange, inputType);
            apply.accept(entry, input);
            entry.pendingChange = null;
            entry.pendingSince = null;
            entry.updatedAt = now();
            record(entry, "CHANGE_APPROVED", input);
        } else if (entry.moderationStatus == ModerationStatus.PENDING) {
            entry.moderationStatus = ModerationStatus.PUBLISHED;
            entry.updatedAt = now();
            record(entry, "APPROVED", mapper.createObjectNode());
        } else {
            throw new ClientErrorException(noun(type) + " " + id + " is not waiting for moderation.", Status.CONFLICT);
        }
        return entry;
    }

    /** An editor refuses a member's new entry or pending change, with a reason. */
    @Transactional
    public <E extends CatalogueEntry> E reject(Class<E> type, UUID id, String reason) {
        E entry = live(type, id);
        var note = mapper.createObjectNode().put("reason", reason);
        if (entry.pendingChange != null) {
            entry.pendingChange = null;
            entry.pendingSince = null;
            record(entry, "CHANGE_REJECTED", note);
        } else if (entry.moderationStatus == ModerationStatus.PENDING) {
            entry.moderationStatus = ModerationStatus.REJECTED;
            record(entry, "REJECTED", note);
        } else {
            throw new ClientErrorException(noun(type) + " " + id + " is not waiting for moderation.", Status.CONFLICT);
        }
        entry.updatedAt = now();
        return entry;
    }

    /** What waits for an editor: a member's new entry, or a member's change to a published one. */
    public record Waiting<E extends CatalogueEntry, I>(E entry, I proposedChange, OffsetDateTime waitingSince) {
    }

    /**
     * Entries waiting for an editor, the longest-waiting first (a new entry since its creation, a change since it
     * was proposed), a keyset page after {@code after} (waiting since, id).
     */
    @Transactional
    public <E extends CatalogueEntry, I> List<Waiting<E, I>> waiting(Class<E> type, Class<I> inputType, List<String> after,
            int rows) {
        String waitingSince = "coalesce(pendingSince, createdAt)";
        StringBuilder jpql = new StringBuilder("from " + type.getSimpleName() + " where deletedAt is null and "
                + "(pendingChange is not null or moderationStatus = :pending)");
        if (!after.isEmpty()) {
            jpql.append(" and (" + waitingSince + " > :afterAt or (" + waitingSince + " = :afterAt and id > :afterId))");
        }
        jpql.append(" order by " + waitingSince + ", id");
        var query = entityManager.createQuery(jpql.toString(), type).setParameter("pending", ModerationStatus.PENDING)
                .setMaxResults(rows);
        if (!after.isEmpty()) {
            query.setParameter("afterAt", Cursor.time(after.get(0))).setParameter("afterId", Cursor.uuid(after.get(1)));
        }
        return query.getResultList().stream()
                .map(entry -> new Waiting<>(entry, entry.pendingChange == null ? null : fromJson(entry.pendingChange, inputType),
                        entry.pendingSince != null ? entry.pendingSince : entry.createdAt))
                .toList();
    }

    /** The entry if the caller may see it: public ones for anyone, others for editors and the owner's member. */
    public <E extends CatalogueEntry> E visible(Class<E> type, UUID id) {
        E entry = live(type, id);
        if (!entry.isPublic() && !isModerator()) {
            actor.requireOwnOrNotFound(entry.organizationId.toString(), () -> notFound(type, id));
        }
        return entry;
    }

    private <E extends CatalogueEntry> E editable(Class<E> type, UUID id, long expectedVersion) {
        // not public and not yours: the same 404 as a missing entry; public but not yours: 403 reveals nothing
        E entry = visible(type, id);
        requireActsFor(entry.organizationId);
        Versions.requireCurrent(noun(type) + " " + id, entry.version, expectedVersion);
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

    /** Runs the resource's checks of a change (e.g. no move to another organization) without touching the entry. */
    private <E extends CatalogueEntry> void checkOnACopy(Class<E> type, E entry, Consumer<E> changes) {
        try {
            E copy = type.getDeclaredConstructor().newInstance();
            copy.organizationId = entry.organizationId;
            changes.accept(copy);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object input) {
        try {
            return mapper.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <I> I fromJson(String json, Class<I> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable pending change", e);
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
