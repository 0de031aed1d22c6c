package fr.sudia.notifications.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An alert a person asked for by email, PENDING until its address confirms it (double opt-in), then CONFIRMED. */
@Entity
@Table(name = "alert_subscription")
public class AlertSubscription extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String CONFIRMED = "CONFIRMED";

    @Id
    public UUID id;
    public String email;
    public String language;
    public String kind;
    public String frequency;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> departments;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> audiences;
    @Column(name = "scheme_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> schemeIds;
    @Column(name = "applicant_types")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> applicantTypes;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String status;
    @Column(name = "confirm_token_hash")
    public String confirmTokenHash;
    @Column(name = "consent_text_version")
    public String consentTextVersion;
    @Column(name = "consent_at")
    public OffsetDateTime consentAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    /** The unsubscribe category of this subscription's messages: one click stops this alert only. */
    public String category() {
        return AlertKind.CATEGORY_PREFIX + id;
    }
}
