package fr.sudia.directory.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** An AI solution or offer that an organization sells. */
@Entity
public class Solution extends CatalogueEntry {

    @Column(nullable = false)
    public String name;

    @Column(name = "description_fr")
    public String descriptionFr;

    @Column(name = "description_en")
    public String descriptionEn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "use_cases", nullable = false)
    public List<String> useCases = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_customers", nullable = false)
    public List<String> targetCustomers = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sectors = new ArrayList<>();
}
