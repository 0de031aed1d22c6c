package fr.sudia.events.series;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.platform.validation.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "SeriesInput", description = "A series of events, such as WAICF")
public record SeriesInput(
        @NotBlank @Size(max = 200) @Schema(examples = "World Artificial Intelligence Cannes Festival (WAICF)") String name,
        @Size(max = 5000) @Schema(nullable = true, examples = "Salon international BtoB et BtoC, chaque année en février") String description,
        @Size(max = 500) @HttpUrl @Schema(nullable = true, format = "uri", description = "An absolute http(s) URL") String website) {
}
