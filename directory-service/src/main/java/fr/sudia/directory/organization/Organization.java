package fr.sudia.directory.organization;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import fr.sudia.directory.search.SearchIndexListener;
import fr.sudia.directory.taxonomy.HeadcountBand;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An AI actor of the region, as registered in the directory. */
@Entity
@EntityListeners(SearchIndexListener.class)
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "legal_name")
    public String legalName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationKind kind;

    public String siren;

    public String siret;

    @Column(name = "naf_code")
    public String nafCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "headcount_band")
    public HeadcountBand headcountBand;

    @Column(name = "founded_year")
    public Integer foundedYear;

    public String website;

    @Column(name = "description_fr")
    public String descriptionFr;

    @Column(name = "description_en")
    public String descriptionEn;

    public String address;

    @Column(name = "postal_code")
    public String postalCode;

    @Column(nullable = false)
    public String city;

    public String department;

    public Double latitude;

    public Double longitude;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sectors = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "strategic_sectors", nullable = false)
    public List<String> strategicSectors = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> techniques = new ArrayList<>();

    @Column(name = "funds_raised_eur")
    public Long fundsRaisedEur;

    @Enumerated(EnumType.STRING)
    @Column(name = "label_status", nullable = false)
    public LabelStatus labelStatus = LabelStatus.NONE;

    @Column(name = "label_number")
    public String labelNumber;

    @Column(name = "label_changed_at")
    public OffsetDateTime labelChangedAt;

    /** When an award of a competitive call last reached the profile (funding.calls.v1). */
    @Column(name = "awards_changed_at")
    public OffsetDateTime awardsChangedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "moderation_status", nullable = false)
    public ModerationStatus moderationStatus = ModerationStatus.PUBLISHED;

    /** A member's proposed change to a published profile, waiting for an editor (JSON of the update). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pending_change")
    public String pendingChange;

    @Column(name = "pending_since")
    public OffsetDateTime pendingSince;

    /** Name and city folded (case, accents, punctuation): equal keys mark a likely duplicate. */
    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Version
    public long version;

    public boolean isPublic() {
        return deletedAt == null && moderationStatus == ModerationStatus.PUBLISHED;
    }

    public static Optional<Organization> findLive(UUID id) {
        return Organization.<Organization>find("id = ?1 and deletedAt is null", id).firstResultOptional();
    }

    public static boolean sirenTaken(String siren, UUID except) {
        return siren != null && count("siren = ?1 and deletedAt is null and id <> ?2", siren, except) > 0;
    }

    public static List<Organization> likelyDuplicates(String nameKey, UUID except) {
        return list("nameKey = ?1 and deletedAt is null and id <> ?2", nameKey, except);
    }

    public static String nameKey(String name, String city) {
        String folded = Normalizer.normalize(name + "|" + city, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{Alnum}|]", "");
    }
}
