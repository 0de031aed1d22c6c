package fr.sudia.label.charter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A published version of the charter. Never changed once published (a trigger refuses it). */
@Entity
@Table(name = "charter_version")
public class CharterVersion extends PanacheEntityBase {

    @Id
    public Integer version;

    @Column(name = "text_fr", nullable = false)
    public String textFr;

    @Column(name = "text_en")
    public String textEn;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CharterQuestion> questions;

    @Column(name = "effective_at", nullable = false)
    public OffsetDateTime effectiveAt;

    @Column(name = "grace_period_days", nullable = false)
    public int gracePeriodDays;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    /** The version in force at {@code now}: the highest one whose effective date has come. */
    public static Optional<CharterVersion> inForceAt(Instant now) {
        return CharterVersion.<CharterVersion>find("effectiveAt <= ?1", Sort.descending("version"),
                now.atOffset(java.time.ZoneOffset.UTC)).firstResultOptional();
    }

    /** Holders of a label must have signed this version by then. */
    public OffsetDateTime signatureDeadline() {
        return effectiveAt.plusDays(gracePeriodDays);
    }

    public Optional<CharterQuestion> question(String code) {
        return questions.stream().filter(question -> question.code().equals(code)).findFirst();
    }
}
