package fr.sudia.directory.opendata;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

import fr.sudia.directory.taxonomy.HeadcountBand;
import fr.sudia.directory.organization.LabelStatus;
import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationKind;

/**
 * A published organization's public profile as the open-data exports show it: a CSV row, a JSON item, a GeoJSON
 * feature's properties (its coordinates are the feature's geometry, so JSON leaves them out).
 */
record PublicOrganization(UUID id, String name, String legalName, OrganizationKind kind, String siren, String siret,
        String nafCode, HeadcountBand headcountBand, Integer foundedYear, String website, String descriptionFr,
        String descriptionEn, String address, String postalCode, String city, String department,
        @JsonIgnore Double latitude, @JsonIgnore Double longitude, List<String> sectors, List<String> strategicSectors,
        List<String> techniques, Long fundsRaisedEur, LabelStatus labelStatus, Instant updatedAt) {

    static PublicOrganization of(Organization o) {
        return new PublicOrganization(o.id, o.name, o.legalName, o.kind, trim(o.siren), trim(o.siret), o.nafCode,
                o.headcountBand, o.foundedYear, o.website, o.descriptionFr, o.descriptionEn, o.address, o.postalCode,
                o.city, o.department, o.latitude, o.longitude, o.sectors, o.strategicSectors, o.techniques,
                o.fundsRaisedEur, o.labelStatus, o.updatedAt == null ? null : o.updatedAt.toInstant());
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
