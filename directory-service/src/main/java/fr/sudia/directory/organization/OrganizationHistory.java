package fr.sudia.directory.organization;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change to an organization: who, when, what. Never updated nor deleted. */
@Entity
@Table(name = "organization_history")
public class OrganizationHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    /** The changed fields as {"field": {"from": …, "to": …}}, or a note such as a rejection's reason. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String changes;

    public static void record(UUID organizationId, String actor, String action, String changes) {
        OrganizationHistory entry = new OrganizationHistory();
        entry.organizationId = organizationId;
        entry.at = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        entry.actor = actor;
        entry.action = action;
        entry.changes = changes;
        entry.persist();
    }

    public static List<OrganizationHistory> of(UUID organizationId, long afterId, int size) {
        return find("organizationId = ?1 and id > ?2 order by id", organizationId, afterId).page(0, size).list();
    }
}
