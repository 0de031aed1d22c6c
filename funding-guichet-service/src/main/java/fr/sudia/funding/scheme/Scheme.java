package fr.sudia.funding.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A support or funding scheme of the catalogue. */
@Entity
@EntityListeners(SchemesChanged.Listener.class)
public class Scheme extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String provider;

    @Column(name = "provider_organization_id")
    public UUID providerOrganizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SchemeKind kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> pillars = new ArrayList<>();

    @Column(name = "description_fr", nullable = false)
    public String descriptionFr;

    @Column(name = "description_en")
    public String descriptionEn;

    @Column(name = "amount_min_eur")
    public Long amountMinEur;

    @Column(name = "amount_max_eur")
    public Long amountMaxEur;

    @Column(name = "funding_rate_percent")
    public BigDecimal fundingRatePercent;

    @Column(name = "envelope_eur")
    public Long envelopeEur;

    @Column(name = "envelope_per_year", nullable = false)
    public boolean envelopePerYear;

    @Column(name = "duration_months")
    public Integer durationMonths;

    @Column(name = "opens_on")
    public LocalDate opensOn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<LocalDate> deadlines = new ArrayList<>();

    @Column(nullable = false)
    public boolean ongoing;

    @Column(name = "application_url")
    public String applicationUrl;

    public String contact;

    /** The eligibility conditions as JSON, checked against {@code EligibilityConditions} before they are stored. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String conditions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SchemeStatus status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;

    /** The first deadline on or after {@code today}, if any. */
    public LocalDate nextDeadline(LocalDate today) {
        return deadlines.stream().filter(deadline -> !deadline.isBefore(today)).min(LocalDate::compareTo).orElse(null);
    }

    /** Published, opened, and either ongoing or with a deadline still ahead (deadline day included). */
    public boolean isOpen(LocalDate today) {
        return status == SchemeStatus.PUBLISHED && (opensOn == null || !opensOn.isAfter(today))
                && (ongoing || nextDeadline(today) != null);
    }
}
