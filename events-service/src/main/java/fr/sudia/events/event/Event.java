package fr.sudia.events.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

/** An event of the ecosystem: one date, or a recurring one carrying an RFC 5545 RRULE. */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    @Id
    public UUID id;

    public long version;

    /** RFC 5545 SEQUENCE of the whole event. */
    public int sequence;

    @Column(name = "organizer_id")
    public UUID organizerId;

    @Column(name = "series_id")
    public UUID seriesId;

    public String edition;

    @Column(name = "title_fr")
    public String titleFr;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "description_fr")
    public String descriptionFr;
    @Column(name = "description_en")
    public String descriptionEn;

    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "all_day")
    public boolean allDay;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "previous_start")
    public Instant previousStart;

    @Column(name = "venue_name")
    public String venueName;
    @Column(name = "venue_address")
    public String venueAddress;
    public String city;
    public Double latitude;
    public Double longitude;
    @Column(name = "online_url")
    public String onlineUrl;
    @Enumerated(EnumType.STRING)
    @Column(name = "attendance_mode")
    public AttendanceMode attendanceMode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> audiences = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();

    public String url;
    @Column(name = "price_eur")
    public BigDecimal priceEur;
    @Column(name = "registration_url")
    public String registrationUrl;
    public Integer capacity;

    @Enumerated(EnumType.STRING)
    public EventStatus status;
    @Enumerated(EnumType.STRING)
    public Moderation moderation;
    @Column(name = "refusal_reason")
    public String refusalReason;

    public String rrule;
    /** Dates the RRULE produces on which the event never takes place (RFC 5545 EXDATE), as ISO instants. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> exdates = new ArrayList<>();

    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "published_at")
    public Instant publishedAt;

    /** Whether the event takes its bookings on the platform (a registration is set up). */
    @org.hibernate.annotations.Formula("exists (select 1 from registration_setup s where s.event_id = id)")
    public boolean registrationOnPlatform;

    public boolean isPublic() {
        return moderation == Moderation.PUBLISHED;
    }

    public boolean isRecurring() {
        return rrule != null;
    }

    public static Optional<Event> find(UUID id) {
        return Event.<Event>findByIdOptional(id);
    }
}
