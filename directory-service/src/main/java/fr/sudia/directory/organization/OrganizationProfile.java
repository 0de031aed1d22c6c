package fr.sudia.directory.organization;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.directory.taxonomy.AiTechnique;
import fr.sudia.directory.taxonomy.HeadcountBand;
import fr.sudia.directory.taxonomy.Sector;
import fr.sudia.directory.taxonomy.StrategicSector;
import fr.sudia.platform.validation.HttpUrl;
import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** What an organization's profile holds: the body of a registration or of a full update (PUT). */
@Schema(name = "OrganizationProfile", description = "The editable profile of an organization")
public record OrganizationProfile(
        @NotBlank @Size(max = 200) @Schema(examples = "Therapixel") String name,
        @Size(max = 200) @Schema(examples = "THERAPIXEL SAS", nullable = true) String legalName,
        @NotNull OrganizationKind kind,
        @Siren @Schema(description = "French company number, 9 digits, Luhn-checked; unique in the directory. Leave empty when unknown.",
                examples = "732829320", nullable = true) String siren,
        @Siret @Schema(description = "Head-office establishment number, 14 digits", examples = "73282932000074", nullable = true) String siret,
        @Pattern(regexp = "\\d{2}\\.\\d{2}[A-Z]", message = "must be a NAF code such as 62.01Z")
        @Schema(examples = "62.01Z", nullable = true) String nafCode,
        @Schema(nullable = true) HeadcountBand headcountBand,
        @Min(1800) @Max(2100) @Schema(examples = "2013", nullable = true) Integer foundedYear,
        @HttpUrl @Size(max = 500)
        @Schema(examples = "https://www.therapixel.com", nullable = true) String website,
        @Size(max = 5000) @Schema(description = "Description in French", nullable = true) String descriptionFr,
        @Size(max = 5000) @Schema(description = "Description in English", nullable = true) String descriptionEn,
        @Size(max = 300) @Schema(nullable = true) String address,
        @Pattern(regexp = "\\d{5}", message = "must be a 5-digit postal code") @Schema(examples = "06000", nullable = true) String postalCode,
        @NotBlank @Size(max = 120) @Schema(examples = "Nice") String city,
        @Pattern(regexp = "\\d{2}|2A|2B|97\\d", message = "must be a French department code such as 06")
        @Schema(examples = "06", nullable = true) String department,
        @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "43.7009", nullable = true) Double latitude,
        @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "7.2683", nullable = true) Double longitude,
        Set<Sector> sectors,
        @Schema(description = "The region's strategic sectors (OIR)") Set<StrategicSector> strategicSectors,
        Set<AiTechnique> techniques,
        @PositiveOrZero @Schema(description = "Funds raised, in euros", nullable = true) Long fundsRaisedEur) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "latitude and longitude go together")
    public boolean isCoordinatesPaired() {
        return (latitude == null) == (longitude == null);
    }
}
