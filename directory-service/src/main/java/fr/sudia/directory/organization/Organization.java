package fr.sudia.directory.organization;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.platform.paging.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An AI maker of the region, as registered in the directory. */
@Entity
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationKind kind;

    public String siren;

    @Column(nullable = false)
    public String city;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static boolean sirenTaken(String siren) {
        return siren != null && count("siren", siren) > 0;
    }

    /** Keyset page ordered by name (case-insensitive) then id, after the given sort key. */
    public static List<Organization> pageByName(List<String> after, int size) {
        if (after.isEmpty()) {
            return find("order by lower(name), id").page(0, size).list();
        }
        return find("lower(name) > :name or (lower(name) = :name and id > :id) order by lower(name), id",
                Parameters.with("name", after.get(0)).and("id", Cursor.uuid(after.get(1))))
                .page(0, size).list();
    }
}
