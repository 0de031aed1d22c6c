package fr.sudia.events.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How an event takes registrations on the platform: the same rules for each of its occurrences. */
@Entity
@Table(name = "registration_setup")
public class RegistrationSetup extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    public long version;

    /** Seats of each occurrence, unless the occurrence has its own. */
    public int capacity;

    @Column(name = "opens_at")
    public Instant opensAt;
    @Column(name = "closes_at")
    public Instant closesAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> audiences = new ArrayList<>();

    @Column(name = "groups_allowed")
    public boolean groupsAllowed;

    public boolean waitlist;

    @Column(name = "max_seats_per_booking")
    public int maxSeatsPerBooking;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Question> questions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<Integer> measures = new ArrayList<>();

    @Column(name = "place_organization_id")
    public UUID placeOrganizationId;

    public boolean closed;

    @Column(name = "updated_at")
    public Instant updatedAt;

    boolean targets(AudienceCategory audience) {
        return audiences.isEmpty() || audiences.contains(audience.name());
    }
}
