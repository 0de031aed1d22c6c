package fr.sudia.directory.organization;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organization as the API and the {@code directory.organizations.v1} events show it. */
@Schema(name = "Organization", description = "An AI maker of the Région Sud")
public record OrganizationView(
        @Schema(examples = "6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10") UUID id,
        @Schema(examples = "Therapixel") String name,
        OrganizationKind kind,
        @Schema(description = "French company number (9 digits), when the organization has one", examples = "812345678", nullable = true) String siren,
        @Schema(examples = "Nice") String city,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static OrganizationView of(Organization organization) {
        return new OrganizationView(organization.id, organization.name, organization.kind, organization.siren,
                organization.city, organization.createdAt, organization.updatedAt);
    }
}
