package fr.sudia.funding.call;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The file answering a FILE question of an application, as uploaded (its type read from its bytes). */
@Entity
@Table(name = "call_attachment")
@IdClass(CallAttachment.Key.class)
public class CallAttachment extends PanacheEntityBase {

    public record Key(UUID applicationId, String questionId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Id
    @Column(name = "question_id")
    public String questionId;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public OffsetDateTime uploadedAt;
}
