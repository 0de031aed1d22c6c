package fr.sudia.funding.call;

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

/** An application to a call by one organization (a member's {@code org}); the answers follow the call's form. */
@Entity
@Table(name = "call_application")
public class CallApplication extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_type", nullable = false)
    public ApplicantType applicantType;

    @Column(name = "applicant_name", nullable = false)
    public String applicantName;

    @Column(nullable = false)
    public String title;

    /** JSON array of {@link TeamMember}. */
    @Column(nullable = false)
    public String team;

    /** JSON object: question id → answer. */
    @Column(nullable = false)
    public String answers;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String category;

    @Column(name = "amount_eur")
    public Long amountEur;

    @Column(name = "decision_reasons")
    public String decisionReasons;

    public String feedback;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Version
    public long version;
}
