package fr.sudia.directory.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** An AI training programme of a university, school or training body. */
@Entity
public class Training extends CatalogueEntry {

    @Column(nullable = false)
    public String name;

    public String level;

    @Column(nullable = false)
    public String institution;

    @Column(nullable = false)
    public String city;

    @Column(name = "description_fr")
    public String descriptionFr;

    public String website;
}
