package fr.sudia.label.directory;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A directory organization as label-service knows it: applications need a known organization. */
@Entity
@Table(name = "known_organization")
public class KnownOrganization extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    public String city;

    public String siren;

    /** The directory's own time of the change, so an older event never overwrites a newer one. */
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    /** Set when the directory removed it: no new application, and its label is withdrawn. */
    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    /** An organization the directory still lists. */
    public static Optional<KnownOrganization> findKnown(UUID id) {
        return KnownOrganization.<KnownOrganization>find("id = ?1 and removedAt is null", id).firstResultOptional();
    }
}
