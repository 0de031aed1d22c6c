package fr.sudia.events.organizer;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A directory organization as events-service knows it, from {@code directory.organizations.v1}, with its
 * Sud IA label from {@code label.labels.v1}. A label may be known before the organization's name.
 */
@Entity
@Table(name = "organizer")
public class Organizer extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
    public String city;
    public String website;
    public boolean removed;

    /** The directory's own time of the change, so an older event never overwrites a newer one. */
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "label_status")
    public String labelStatus;
    @Column(name = "label_number")
    public String labelNumber;
    @Column(name = "label_changed_at")
    public OffsetDateTime labelChangedAt;

    public boolean labelled() {
        return "VALID".equals(labelStatus);
    }

    static Organizer findOrCreate(UUID id) {
        Organizer organizer = Organizer.findById(id);
        if (organizer == null) {
            organizer = new Organizer();
            organizer.id = id;
        }
        return organizer;
    }
}
