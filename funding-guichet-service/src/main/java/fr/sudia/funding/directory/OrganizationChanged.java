package fr.sudia.funding.directory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The part of a {@code directory.organizations.v1} event (directory-service's OrganizationView) that the desk
 * relies on; the directory's other fields are ignored, so that it may add some. Vocabularies stay text: a value
 * the desk does not know yet is kept, and matters only to conditions that name it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationChanged(
        @NotNull UUID id,
        @NotBlank String name,
        @NotBlank String kind,
        String nafCode,
        String headcountBand,
        Integer foundedYear,
        String city,
        String department,
        List<String> sectors,
        List<String> strategicSectors,
        Label label,
        @NotNull OffsetDateTime updatedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Label(String status, String number, OffsetDateTime since) {
    }
}
