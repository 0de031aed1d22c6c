package fr.sudia.directory.organization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.directory.taxonomy.Taxonomies;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.outbox.Outbox;
import fr.sudia.platform.security.CurrentActor;
import fr.sudia.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/**
 * Registers, changes, moderates and removes organizations. Every change is kept in the history and
 * announced on {@code directory.organizations.v1}, in the same transaction.
 *
 * <p>Editors' and admins' writes are public at once. A member's new entry waits for an editor; a member's
 * change to a public profile is kept aside as a pending change until an editor approves it.
 */
@ApplicationScoped
public class OrganizationRegistry {

    public static final String TOPIC = "directory.organizations.v1";
    public static final String REGISTERED = "fr.sudia.directory.organization.registered";
    public static final String UPDATED = "fr.sudia.directory.organization.updated";
    public static final String REMOVED = "fr.sudia.directory.organization.removed";

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final CurrentActor actor;

    OrganizationRegistry(Outbox outbox, ObjectMapper mapper, CurrentActor actor) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.actor = actor;
    }

    @Transactional
    public Organization register(OrganizationProfile profile) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.createdAt = now();
        organization.createdBy = actor.subject();
        organization.moderationStatus = isModerator() ? ModerationStatus.PUBLISHED : ModerationStatus.PENDING;
        apply(organization, profile);
        persist(organization);
        OrganizationView view = OrganizationView.of(organization);
        record(organization.id, "REGISTERED", ProfileChanges.between(mapper, null, view));
        outbox.publish(TOPIC, REGISTERED, organization.id.toString(), OrganizationEvent.of(organization));
        return organization;
    }

    /** Replaces the profile; {@code expectedVersion} is the version the caller read (If-Match). */
    @Transactional
    public Organization update(UUID id, long expectedVersion, OrganizationProfile profile) {
        Organization organization = editable(id, expectedVersion);
        if (!isModerator() && organization.moderationStatus == ModerationStatus.PUBLISHED) {
            organization.pendingChange = toJson(profile);
            organization.pendingSince = now();
            organization.updatedBy = actor.subject();
            record(id, "CHANGE_PROPOSED", mapper.valueToTree(profile));
            return organization;
        }
        applyAndAnnounce(organization, profile, "UPDATED");
        return organization;
    }

    @Transactional
    public void remove(UUID id, long expectedVersion) {
        Organization organization = editable(id, expectedVersion);
        organization.deletedAt = now();
        organization.updatedAt = organization.deletedAt;
        organization.updatedBy = actor.subject();
        record(id, "REMOVED", mapper.createObjectNode());
        outbox.publish(TOPIC, REMOVED, id.toString(), OrganizationEvent.of(organization));
    }

    /** An editor makes a pending entry public, or applies a member's pending change. */
    @Transactional
    public Organization approve(UUID id) {
        Organization organization = Organization.findLive(id).orElseThrow(() -> notFound(id));
        if (organization.pendingChange != null) {
            OrganizationProfile change = fromJson(organization.pendingChange);
            organization.pendingChange = null;
            organization.pendingSince = null;
            applyAndAnnounce(organization, change, "CHANGE_APPROVED");
        } else if (organization.moderationStatus == ModerationStatus.PENDING) {
            organization.moderationStatus = ModerationStatus.PUBLISHED;
            touch(organization);
            record(id, "APPROVED", mapper.createObjectNode());
            outbox.publish(TOPIC, UPDATED, id.toString(), OrganizationEvent.of(organization));
        } else {
            throw new ClientErrorException("Organization " + id + " has nothing waiting for moderation.", Status.CONFLICT);
        }
        return organization;
    }

    /** An editor refuses a pending entry or a member's pending change, with a reason. */
    @Transactional
    public Organization reject(UUID id, String reason) {
        Organization organization = Organization.findLive(id).orElseThrow(() -> notFound(id));
        ObjectNode note = mapper.createObjectNode().put("reason", reason);
        if (organization.pendingChange != null) {
            organization.pendingChange = null;
            organization.pendingSince = null;
            record(id, "CHANGE_REJECTED", note);
        } else if (organization.moderationStatus == ModerationStatus.PENDING) {
            organization.moderationStatus = ModerationStatus.REJECTED;
            record(id, "REJECTED", note);
            outbox.publish(TOPIC, UPDATED, id.toString(), OrganizationEvent.of(organization));
        } else {
            throw new ClientErrorException("Organization " + id + " has nothing waiting for moderation.", Status.CONFLICT);
        }
        touch(organization);
        return organization;
    }

    /** Organizations that an editor should look at: pending entries and pending changes, oldest first. */
    public List<Organization> moderationQueue(int limit) {
        return Organization.find("deletedAt is null and (moderationStatus = ?1 or pendingChange is not null) "
                + "order by coalesce(pendingSince, createdAt), id", ModerationStatus.PENDING).page(0, limit).list();
    }

    public List<Organization> likelyDuplicatesOf(Organization organization) {
        return Organization.likelyDuplicates(organization.nameKey, organization.id);
    }

    /** Whether the caller may see this organization although it is not public. */
    public boolean canSeeUnpublished(Organization organization) {
        return isModerator() || organization.id.toString().equals(actor.organizationId().orElse(null));
    }

    public boolean isModerator() {
        return actor.hasRole(Roles.EDITOR) || actor.hasRole(Roles.ADMIN);
    }

    private Organization editable(UUID id, long expectedVersion) {
        Organization organization = Organization.findLive(id).orElseThrow(() -> notFound(id));
        if (!isModerator()) {
            // an unpublished entry of another organization is answered as a missing one; a public one may be a 403
            if (organization.isPublic()) {
                actor.requireActsFor(id.toString());
            } else {
                actor.requireOwnOrNotFound(id.toString(), () -> notFound(id));
            }
        }
        Versions.requireCurrent("Organization " + id, organization.version, expectedVersion);
        return organization;
    }

    private void applyAndAnnounce(Organization organization, OrganizationProfile profile, String action) {
        OrganizationView before = OrganizationView.of(organization);
        apply(organization, profile);
        touch(organization);
        persist(organization);
        OrganizationView after = OrganizationView.of(organization);
        record(organization.id, action, ProfileChanges.between(mapper, before, after));
        outbox.publish(TOPIC, UPDATED, organization.id.toString(), OrganizationEvent.of(organization));
    }

    private void apply(Organization organization, OrganizationProfile profile) {
        if (Organization.sirenTaken(profile.siren(), organization.id)) {
            throw sirenConflict(profile.siren());
        }
        organization.name = profile.name().strip();
        organization.legalName = trimmed(profile.legalName());
        organization.kind = profile.kind();
        organization.siren = profile.siren();
        organization.siret = profile.siret();
        organization.nafCode = profile.nafCode();
        organization.headcountBand = profile.headcountBand();
        organization.foundedYear = profile.foundedYear();
        organization.website = trimmed(profile.website());
        organization.descriptionFr = trimmed(profile.descriptionFr());
        organization.descriptionEn = trimmed(profile.descriptionEn());
        organization.address = trimmed(profile.address());
        organization.postalCode = profile.postalCode();
        organization.city = profile.city().strip();
        organization.department = profile.department() != null ? profile.department()
                : profile.postalCode() != null ? profile.postalCode().substring(0, 2) : null;
        organization.latitude = profile.latitude();
        organization.longitude = profile.longitude();
        organization.sectors = Taxonomies.codes(profile.sectors());
        organization.strategicSectors = Taxonomies.codes(profile.strategicSectors());
        organization.techniques = Taxonomies.codes(profile.techniques());
        organization.fundsRaisedEur = profile.fundsRaisedEur();
        organization.nameKey = Organization.nameKey(organization.name, organization.city);
        if (organization.updatedAt == null) {
            organization.updatedAt = organization.createdAt;
        }
    }

    private void touch(Organization organization) {
        organization.updatedAt = now();
        organization.updatedBy = actor.subject();
    }

    private void persist(Organization organization) {
        try {
            organization.persistAndFlush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw sirenConflict(organization.siren);
            }
            throw e;
        }
    }

    private void record(UUID organizationId, String action, ObjectNode changes) {
        OrganizationHistory.record(organizationId, actor.subject(), action, changes.toString());
    }

    private String toJson(OrganizationProfile profile) {
        try {
            return mapper.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OrganizationProfile fromJson(String json) {
        try {
            return mapper.readValue(json, OrganizationProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable pending change", e);
        }
    }


    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("No organization " + id + " in the directory.");
    }

    private static ClientErrorException sirenConflict(String siren) {
        return new ClientErrorException("An organization with SIREN " + siren + " is already registered.",
                Status.CONFLICT);
    }
}
