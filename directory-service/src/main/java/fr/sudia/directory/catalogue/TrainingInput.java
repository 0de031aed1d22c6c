package fr.sudia.directory.catalogue;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.platform.validation.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "TrainingInput", description = "An AI training programme")
public record TrainingInput(
        @NotNull @Schema(description = "The university, school or training body that runs it") UUID organizationId,
        @NotBlank @Size(max = 200) @Schema(examples = "Master Intelligence Artificielle") String name,
        @Size(max = 100) @Schema(examples = "bac+5", nullable = true) String level,
        @NotBlank @Size(max = 200) @Schema(examples = "Université Côte d'Azur") String institution,
        @NotBlank @Size(max = 120) @Schema(examples = "Sophia Antipolis") String city,
        @Size(max = 5000) @Schema(nullable = true) String descriptionFr,
        @HttpUrl @Size(max = 500)
        @Schema(nullable = true) String website) {
}
