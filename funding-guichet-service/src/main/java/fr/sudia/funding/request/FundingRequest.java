package fr.sudia.funding.request;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A company's request for help, routed to partners' advisors. */
@Entity
@Table(name = "funding_request")
public class FundingRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(nullable = false)
    public String need;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> pillars = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scheme_ids", nullable = false)
    public List<UUID> schemeIds = new ArrayList<>();

    public String department;

    @Column(name = "company_category")
    public String companyCategory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "likely_repeat_of")
    public UUID likelyRepeatOf;

    @Column(name = "reminder_due", nullable = false)
    public boolean reminderDue;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "first_answered_at")
    public OffsetDateTime firstAnsweredAt;

    @Column(name = "status_changed_at", nullable = false)
    public OffsetDateTime statusChangedAt;

    @Column(name = "satisfaction_score")
    public Integer satisfactionScore;

    @Column(name = "satisfaction_comment")
    public String satisfactionComment;

    /** The prescriber's token subject, when a prescriber filed it on the business's behalf. */
    @Column(name = "prescribed_by")
    public String prescribedBy;

    @Column(name = "prescriber_organization_id")
    public UUID prescriberOrganizationId;

    /** SHA-256 (hex) of the secret of the business's confirmation link; the secret itself is never stored. */
    @Column(name = "confirmation_token_hash")
    public String confirmationTokenHash;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("advisor")
    public List<RequestAssignment> assignments = new ArrayList<>();

    @Version
    public long version;

    public RequestAssignment assignmentOf(String advisor) {
        return assignments.stream().filter(assignment -> assignment.advisor.equals(advisor)).findFirst().orElse(null);
    }
}
