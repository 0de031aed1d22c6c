package fr.sudia.directory.importing;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationProfile;
import fr.sudia.directory.taxonomy.AiTechnique;
import fr.sudia.directory.taxonomy.Sector;
import fr.sudia.directory.taxonomy.StrategicSector;

/**
 * Compares an imported row with a stored organization the way {@code OrganizationRegistry} stores a
 * profile (trimmed texts, blank as null, department from the postal code, lists as sets), so that a row
 * identical to what is stored is recognized as unchanged.
 */
final class Profiles {

    private Profiles() {
    }

    /** An import row never erases a known SIREN or SIRET: a file without them (most exports) keeps them. */
    static OrganizationProfile keepIdentifiers(OrganizationProfile row, Organization existing) {
        if (row.siren() != null && row.siret() != null || existing.siren == null && existing.siret == null) {
            return row;
        }
        return new OrganizationProfile(row.name(), row.legalName(), row.kind(),
                row.siren() != null ? row.siren() : existing.siren, row.siret() != null ? row.siret() : existing.siret,
                row.nafCode(), row.headcountBand(), row.foundedYear(), row.website(), row.descriptionFr(),
                row.descriptionEn(), row.address(), row.postalCode(), row.city(), row.department(), row.latitude(),
                row.longitude(), row.sectors(), row.strategicSectors(), row.techniques(), row.fundsRaisedEur());
    }

    static boolean same(Organization stored, OrganizationProfile row) {
        try {
            return of(stored).equals(normalized(row));
        } catch (IllegalArgumentException e) {
            return false; // a stored value outside today's taxonomy: rewrite it
        }
    }

    static OrganizationProfile normalized(OrganizationProfile p) {
        String department = p.department() != null ? p.department()
                : p.postalCode() != null ? p.postalCode().substring(0, 2) : null;
        return new OrganizationProfile(p.name().strip(), trimmed(p.legalName()), p.kind(), p.siren(), p.siret(),
                p.nafCode(), p.headcountBand(), p.foundedYear(), trimmed(p.website()), trimmed(p.descriptionFr()),
                trimmed(p.descriptionEn()), trimmed(p.address()), p.postalCode(), p.city().strip(), department,
                p.latitude(), p.longitude(), set(p.sectors(), Sector.class), set(p.strategicSectors(), StrategicSector.class),
                set(p.techniques(), AiTechnique.class), p.fundsRaisedEur());
    }

    static OrganizationProfile of(Organization o) {
        return new OrganizationProfile(o.name, o.legalName, o.kind, o.siren == null ? null : o.siren.strip(),
                o.siret == null ? null : o.siret.strip(), o.nafCode, o.headcountBand, o.foundedYear, o.website,
                o.descriptionFr, o.descriptionEn, o.address, o.postalCode, o.city, o.department, o.latitude,
                o.longitude, enums(o.sectors, Sector.class), enums(o.strategicSectors, StrategicSector.class),
                enums(o.techniques, AiTechnique.class), o.fundsRaisedEur);
    }

    private static <E extends Enum<E>> Set<E> set(Collection<E> values, Class<E> type) {
        return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }

    private static <E extends Enum<E>> Set<E> enums(List<String> names, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        names.forEach(name -> set.add(Enum.valueOf(type, name)));
        return set;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
