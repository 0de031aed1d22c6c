package fr.sudia.events.series;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Series", description = "A series of events; its editions are events carrying its id")
public record SeriesView(UUID id, @Schema(examples = "WAICF") String name, @Schema(nullable = true) String description,
        @Schema(nullable = true) String website) {

    public static SeriesView of(Series s) {
        return new SeriesView(s.id, s.name, s.description, s.website);
    }
}
