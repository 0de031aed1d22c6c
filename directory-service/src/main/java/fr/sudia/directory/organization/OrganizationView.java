package fr.sudia.directory.organization;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.sudia.directory.taxonomy.HeadcountBand;

/** An organization as the API shows it (the events carry {@link OrganizationEvent}). */
@Schema(name = "Organization", description = "An AI actor of the Région Sud")
public record OrganizationView(
        @Schema(examples = "6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10") UUID id,
        @Schema(examples = "Therapixel") String name,
        @Schema(nullable = true) String legalName,
        OrganizationKind kind,
        @Schema(examples = "732829320", nullable = true) String siren,
        @Schema(nullable = true) String siret,
        @Schema(nullable = true) String nafCode,
        @Schema(nullable = true) HeadcountBand headcountBand,
        @Schema(nullable = true) Integer foundedYear,
        @Schema(nullable = true) String website,
        @Schema(nullable = true) String descriptionFr,
        @Schema(nullable = true) String descriptionEn,
        @Schema(nullable = true) String address,
        @Schema(nullable = true) String postalCode,
        @Schema(examples = "Nice") String city,
        @Schema(examples = "06", nullable = true) String department,
        @Schema(nullable = true) Double latitude,
        @Schema(nullable = true) Double longitude,
        List<String> sectors,
        @Schema(description = "The region's strategic sectors (OIR)") List<String> strategicSectors,
        List<String> techniques,
        @Schema(nullable = true) Long fundsRaisedEur,
        @Schema(description = "The Sud IA label, as label-service reports it") Label label,
        @Schema(description = "PUBLISHED entries are public; PENDING ones wait for an editor") ModerationStatus moderationStatus,
        @Schema(description = "Whether a member's change waits for an editor") boolean changePending,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "Awards won in the Région's competitive calls, newest first (on the profile, "
                + "GET /api/v1/organizations/{id}, only)") List<Award> awards) {

    @Schema(name = "OrganizationAward")
    public record Award(@Schema(examples = "Lauréat Challenge IA 2026") String title, UUID callId,
            @Schema(examples = "AI_CHALLENGE") String callKind, @Schema(examples = "Challenge IA 2026") String callTitle,
            int editionYear, @Schema(nullable = true) String theme, @Schema(nullable = true) String category,
            @Schema(nullable = true) Long amountEur, OffsetDateTime publishedAt) {
    }

    /** The profile with its awards. */
    public OrganizationView withAwards(List<Award> awards) {
        return new OrganizationView(id, name, legalName, kind, siren, siret, nafCode, headcountBand, foundedYear, website,
                descriptionFr, descriptionEn, address, postalCode, city, department, latitude, longitude, sectors,
                strategicSectors, techniques, fundsRaisedEur, label, moderationStatus, changePending, createdAt, updatedAt,
                List.copyOf(awards));
    }

    @Schema(name = "OrganizationLabel")
    public record Label(LabelStatus status, @Schema(nullable = true) String number,
            @Schema(nullable = true) OffsetDateTime since) {
    }

    public static OrganizationView of(Organization o) {
        return new OrganizationView(o.id, o.name, o.legalName, o.kind, o.siren, o.siret, o.nafCode, o.headcountBand,
                o.foundedYear, o.website, o.descriptionFr, o.descriptionEn, o.address, o.postalCode, o.city,
                o.department, o.latitude, o.longitude, List.copyOf(o.sectors), List.copyOf(o.strategicSectors),
                List.copyOf(o.techniques), o.fundsRaisedEur, new Label(o.labelStatus, o.labelNumber, o.labelChangedAt),
                o.moderationStatus, o.pendingChange != null, o.createdAt, o.updatedAt, null);
    }
}
