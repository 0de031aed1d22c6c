package fr.sudia.notifications.email;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One email to one recipient, rendered when its cause was consumed, sent (and retried) by {@link EmailSender}. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String SUPPRESSED = "SUPPRESSED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    @Column(name = "dedup_key")
    public String dedupKey;
    public String category;
    public String kind;
    public String recipient;
    public String language;
    public String subject;
    @Column(name = "text_body")
    public String textBody;
    @Column(name = "html_body")
    public String htmlBody;
    @Column(name = "ics_method")
    public String icsMethod;
    @Column(name = "ics_body")
    public String icsBody;
    @Column(name = "unsubscribe_url")
    public String unsubscribeUrl;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
