package fr.sudia.notifications.privacy;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An access or erasure request about one person, sent to every service until each has confirmed it: RECEIVED (no
 * answer yet), IN_PROGRESS (some services answered), COMPLETED (every service of sudia.privacy.services answered DONE).
 */
@Entity
@Table(name = "privacy_request")
public class PrivacyRequest extends PanacheEntityBase {

    public static final String RECEIVED = "RECEIVED";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";

    @Id
    public UUID id;

    /** ACCESS or ERASURE. */
    public String kind;

    /** The person's email address (lower case), when known. */
    public String email;

    /** The person's token subject, when known. */
    public String subject;

    /** The token subject of who asked: an admin, or the person themselves. */
    @Column(name = "requested_by")
    public String requestedBy;

    /** The person asked for their own data (no admin involved). */
    @Column(name = "self_service")
    public boolean selfService;

    /** An admin's note of how the person's identity was verified (the request's legal evidence). */
    @Column(name = "verification_note")
    public String verificationNote;

    public String status;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "last_published_at")
    public OffsetDateTime lastPublishedAt;

    /** How many times the request was published (1, then once per retry). */
    public int publications;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** ACCESS, once completed: every service's data sets, as one JSON document; purged after the export retention. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String export;

    @Column(name = "export_purged_at")
    public OffsetDateTime exportPurgedAt;
}
