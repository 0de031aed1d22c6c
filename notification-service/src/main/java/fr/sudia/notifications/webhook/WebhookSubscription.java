package fr.sudia.notifications.webhook;

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
import jakarta.persistence.Version;

/** A partner's subscription: where to POST which event types, signed with its secret. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public String organizationId;
    @Column(name = "owner_email")
    public String ownerEmail;
    public String url;
    @Column(name = "event_types")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> eventTypes;
    public String description;
    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;
    public String status;
    @Column(name = "failed_deliveries")
    public int failedDeliveries;
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;
}
