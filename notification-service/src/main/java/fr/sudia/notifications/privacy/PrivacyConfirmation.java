package fr.sudia.notifications.privacy;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One service's latest answer to a privacy request. */
@Entity
@Table(name = "privacy_confirmation")
@IdClass(PrivacyConfirmation.Key.class)
public class PrivacyConfirmation extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    /** The answering service's name. */
    @Id
    public String service;

    /** DONE or FAILED. */
    public String outcome;

    /** How many records the service exported, deleted or pseudonymized. */
    public long records;

    /** ACCESS: the service's data sets about the person, until they are assembled into the request's export. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String export;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    public static class Key implements Serializable {
        public UUID requestId;
        public String service;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(requestId, key.requestId) && Objects.equals(service, key.service);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, service);
        }
    }
}
