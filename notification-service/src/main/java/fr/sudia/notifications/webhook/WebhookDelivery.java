package fr.sudia.notifications.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message to one subscription; its id is the {@code webhook-id} of every attempt. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "dedup_key")
    public String dedupKey;
    @Column(name = "event_type")
    public String eventType;
    public String payload;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
}
