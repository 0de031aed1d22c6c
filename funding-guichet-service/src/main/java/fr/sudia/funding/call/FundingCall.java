package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A competitive call; its form and scoring grid are JSON documents checked by {@link CallForms}. */
@Entity
@Table(name = "funding_call")
public class FundingCall extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallKind kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "edition_year", nullable = false)
    public int editionYear;

    public String theme;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> categories = new ArrayList<>();

    @Column(name = "description_fr")
    public String descriptionFr;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallPhase phase;

    @Column(name = "opens_at", nullable = false)
    public OffsetDateTime opensAt;

    @Column(name = "closes_at", nullable = false)
    public OffsetDateTime closesAt;

    @Column(name = "review_from")
    public OffsetDateTime reviewFrom;

    @Column(name = "deliberation_on")
    public OffsetDateTime deliberationOn;

    @Column(name = "results_on")
    public OffsetDateTime resultsOn;

    @Column(nullable = false)
    public String form;

    @Column(nullable = false)
    public String grid;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "applicant_types", nullable = false)
    public List<String> applicantTypes = new ArrayList<>();

    @Column(name = "teams_allowed", nullable = false)
    public boolean teamsAllowed;

    @Column(name = "max_applications_per_applicant", nullable = false)
    public int maxApplicationsPerApplicant = 1;

    @Column(name = "anonymised_review", nullable = false)
    public boolean anonymisedReview;

    @Column(name = "total_amount_eur")
    public Long totalAmountEur;

    @Column(name = "disagreement_threshold", nullable = false)
    public double disagreementThreshold = 15;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
