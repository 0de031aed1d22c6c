package fr.sudia.directory.organization;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.directory.taxonomy.HeadcountBand;

/**
 * The data of a {@code directory.organizations.v1} event: what the other services need to know of an organization
 * (their read models of the directory), in its own type so that a change to the REST view never changes what
 * consumers receive. A field renamed or removed here is a new version of the topic. Organizations are public
 * bodies and companies: nothing personal is carried.
 */
public record OrganizationEvent(
        UUID id,
        String name,
        String legalName,
        OrganizationKind kind,
        String siren,
        String nafCode,
        HeadcountBand headcountBand,
        Integer foundedYear,
        String website,
        String postalCode,
        String city,
        String department,
        Double latitude,
        Double longitude,
        List<String> sectors,
        List<String> strategicSectors,
        List<String> techniques,
        Label label,
        ModerationStatus moderationStatus,
        boolean deleted,
        OffsetDateTime updatedAt) {

    public record Label(LabelStatus status, String number, OffsetDateTime since) {
    }

    static OrganizationEvent of(Organization o) {
        return new OrganizationEvent(o.id, o.name, o.legalName, o.kind, o.siren, o.nafCode, o.headcountBand,
                o.foundedYear, o.website, o.postalCode, o.city, o.department, o.latitude, o.longitude,
                List.copyOf(o.sectors), List.copyOf(o.strategicSectors), List.copyOf(o.techniques),
                new Label(o.labelStatus, o.labelNumber, o.labelChangedAt), o.moderationStatus, o.deletedAt != null,
                o.updatedAt);
    }
}
