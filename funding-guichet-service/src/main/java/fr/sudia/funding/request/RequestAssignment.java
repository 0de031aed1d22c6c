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
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A request routed to one advisor, and that advisor's answer. */
@Entity
@Table(name = "request_assignment")
public class RequestAssignment extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    public FundingRequest request;

    /** The advisor's token subject. */
    @Column(nullable = false)
    public String advisor;

    @Column(nullable = false)
    public String partner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    @Enumerated(EnumType.STRING)
    public CloseOutcome outcome;

    public String reason;

    /** On a HELPED close: the schemes mobilised. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "committed_scheme_ids", nullable = false)
    public List<UUID> committedSchemeIds = new ArrayList<>();

    /** On a HELPED close: the amount committed in euros (0 for help without money). */
    @Column(name = "amount_committed_eur")
    public Long amountCommittedEur;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
}
