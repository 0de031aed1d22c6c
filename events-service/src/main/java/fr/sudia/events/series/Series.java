package fr.sudia.events.series;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A recurring event brand, such as WAICF; its editions are events that name it. */
@Entity
@Table(name = "series")
public class Series extends PanacheEntityBase {

    @Id
    public UUID id;
    public long version;
    public String name;
    public String description;
    public String website;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
