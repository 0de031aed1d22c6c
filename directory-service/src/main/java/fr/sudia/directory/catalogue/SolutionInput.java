package fr.sudia.directory.catalogue;

import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.directory.taxonomy.Sector;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "SolutionInput", description = "An AI solution or offer of an organization")
public record SolutionInput(
        @NotNull @Schema(description = "The organization that sells it") UUID organizationId,
        @NotBlank @Size(max = 200) @Schema(examples = "MammoScreen") String name,
        @Size(max = 5000) @Schema(nullable = true) String descriptionFr,
        @Size(max = 5000) @Schema(nullable = true) String descriptionEn,
        Set<UseCase> useCases,
        Set<TargetCustomer> targetCustomers,
        Set<Sector> sectors) {
}
