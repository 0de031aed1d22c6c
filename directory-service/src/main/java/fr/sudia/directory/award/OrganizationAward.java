package fr.sudia.directory.award;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An award won in a competitive call of the Région, from funding-guichet-service's published results. */
@Entity
@Table(name = "organization_award")
public class OrganizationAward extends PanacheEntityBase {

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "call_kind", nullable = false)
    public String callKind;

    @Column(name = "call_title", nullable = false)
    public String callTitle;

    @Column(name = "edition_year", nullable = false)
    public int editionYear;

    public String theme;

    public String category;

    @Column(name = "award_title", nullable = false)
    public String awardTitle;

    @Column(name = "amount_eur")
    public Long amountEur;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    public static List<OrganizationAward> of(UUID organizationId) {
        return list("organizationId = ?1 order by publishedAt desc, applicationId", organizationId);
    }
}
