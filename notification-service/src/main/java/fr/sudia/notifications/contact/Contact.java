package fr.sudia.notifications.contact;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person's address for notifications, keyed by their token subject: the services that decide who is told know
 * only subjects, this service alone turns them into addresses.
 */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public String subject;
    /** The confirmed address: the token's verified email claim, or an address whose link was followed. */
    public String email;
    public String language;
    /** An address given by hand, waiting for its confirmation link to be followed. */
    @Column(name = "pending_email")
    public String pendingEmail;
    /** SHA-256 of the confirmation link's secret (the secret itself is only in the email). */
    @Column(name = "confirmation_hash")
    public String confirmationHash;
    @Column(name = "confirmation_expires_at")
    public OffsetDateTime confirmationExpiresAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
