package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One juror's review of one application: a score per criterion of the grid, and a comment. */
@Entity
@Table(name = "call_review")
public class Review extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String juror;

    /** JSON object: criterion id → score. */
    @Column(nullable = false)
    public String scores;

    /** The weighted score, 0 to 100 (see {@link Ranking#weighted}). */
    @Column(name = "weighted_score", nullable = false)
    public double weightedScore;

    public String comment;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
