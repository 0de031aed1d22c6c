package fr.sudia.funding.directory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A directory organization as the desk knows it, from {@code directory.organizations.v1}, with its Sud IA label
 * from {@code label.labels.v1}: the facts matching and routing read by organization id.
 */
@Entity
@Table(name = "known_organization")
public class KnownOrganization extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    @Column(name = "naf_code")
    public String nafCode;

    @Column(name = "headcount_band")
    public String headcountBand;

    @Column(name = "founded_year")
    public Integer foundedYear;

    public String city;

    public String department;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sectors = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "strategic_sectors", nullable = false)
    public List<String> strategicSectors = new ArrayList<>();

    @Column(nullable = false)
    public boolean removed;

    /** The directory's own time of the change, so an older event never overwrites a newer one. */
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "label_status")
    public String labelStatus;

    @Column(name = "label_number")
    public String labelNumber;

    /** When the label last changed, per the directory or label-service: an older change is ignored. */
    @Column(name = "label_changed_at")
    public OffsetDateTime labelChangedAt;

    /** False for a placeholder holding a label that arrived before the directory's event, and after removal. */
    public boolean isInDirectory() {
        return !removed && !name.isEmpty();
    }

    public boolean holdsLabel() {
        return "VALID".equals(labelStatus);
    }
}
