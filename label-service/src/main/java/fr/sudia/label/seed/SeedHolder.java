package fr.sudia.label.seed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.sudia.label.label.LabelCategory;

/** A holder named by the seed dataset, waiting for the directory to announce an organization of that name. */
@Entity
@Table(name = "seed_holder")
public class SeedHolder extends PanacheEntityBase {

    @Id
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LabelCategory category;

    @Column(name = "label_number")
    public String labelNumber;
}
