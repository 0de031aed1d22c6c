package fr.sudia.funding.eligibility;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What an organization's applicant adds to its directory entry for eligibility (see {@link BeneficiaryInput}). */
@Entity
@Table(name = "beneficiary_details")
public class BeneficiaryDetails extends PanacheEntityBase {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "beneficiary_type")
    public BeneficiaryType beneficiaryType;

    @Enumerated(EnumType.STRING)
    @Column(name = "local_authority_kind")
    public LocalAuthorityKind localAuthorityKind;

    public Integer population;

    @Enumerated(EnumType.STRING)
    @Column(name = "density_level")
    public DensityLevel densityLevel;

    @Column(name = "qualiopi_certified")
    public Boolean qualiopiCertified;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
