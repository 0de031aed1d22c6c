package fr.sudia.events.registration;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One booking of an occurrence: a person (and the seats they asked for) or a group. Name, email and answers are
 * personal data: erased by the registrant at will, pseudonymized a while after the occurrence (the counts stay).
 */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "original_start")
    public Instant originalStart;

    @Column(name = "booking_code")
    public String bookingCode;
    @Column(name = "manage_token_hash")
    public byte[] manageTokenHash;

    @Enumerated(EnumType.STRING)
    public BookingKind kind;
    @Enumerated(EnumType.STRING)
    public BookingStatus status;
    public int seats;
    /** Drawn while the occurrence is locked: the order of the waitlist. */
    public long arrival;

    public String name;
    public String email;
    @Enumerated(EnumType.STRING)
    public AudienceCategory audience;
    @Column(name = "commune_code")
    public String communeCode;
    public String postcode;
    public String department;

    @Column(name = "structure_name")
    public String structureName;
    public String uai;
    @Enumerated(EnumType.STRING)
    public GroupLevel level;
    public Integer girls;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> answers = new HashMap<>();
    /** The language of the messages sent to the registrant: fr or en. */
    public String language;

    @Column(name = "consent_version")
    public String consentVersion;
    @Column(name = "consent_at")
    public Instant consentAt;
    @Column(name = "newsletter_consent_at")
    public Instant newsletterConsentAt;
    @Column(name = "newsletter_consent_version")
    public String newsletterConsentVersion;
    @Column(name = "newsletter_withdrawn_at")
    public Instant newsletterWithdrawnAt;

    /** How many came (checked in); null while nobody has been checked in. */
    public Integer present;
    @Column(name = "checked_in_at")
    public Instant checkedInAt;
    @Column(name = "promoted_at")
    public Instant promotedAt;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "pseudonymized_at")
    public Instant pseudonymizedAt;

    /** When the reminder the day before the occurrence was published: once per registration. */
    @Column(name = "reminded_at")
    public Instant remindedAt;
}
