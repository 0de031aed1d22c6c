package fr.sudia.notifications.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a subscription matched (public data only: an event, a scheme, a deadline), once per cause; {@code sentAt} is
 * set when the instant email or the digest that carries it is queued.
 */
@Entity
@Table(name = "alert_item")
public class AlertItem extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "dedup_key")
    public String dedupKey;
    public String kind;
    @Column(name = "title_fr")
    public String titleFr;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "time_zone")
    public String timeZone;
    public String place;
    public LocalDate deadline;
    public String provider;
    public String verdict;
    public String link;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
