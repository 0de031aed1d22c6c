package fr.sudia.funding.request;

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
import jakarta.persistence.Version;

/**
 * Which requests a partner's advisor receives. Every criterion given must match; an empty one matches all.
 * See {@link Routing} for how each criterion reads a request.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String partner;

    @Column(nullable = false)
    public String advisor;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> pillars = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scheme_ids", nullable = false)
    public List<UUID> schemeIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> departments = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "company_categories", nullable = false)
    public List<String> companyCategories = new ArrayList<>();

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
