package fr.sudia.notifications.alert;

import java.time.LocalDate;
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

/** A public scheme's deadlines, from funding.schemes.v1: what the 7-day deadline alerts read. */
@Entity
@Table(name = "alert_scheme")
public class AlertScheme extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String provider;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<LocalDate> deadlines;
    public String status;
    @Column(name = "application_url")
    public String applicationUrl;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
