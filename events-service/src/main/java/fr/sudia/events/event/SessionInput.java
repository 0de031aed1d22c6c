package fr.sudia.events.event;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "Session", description = "A talk, round table or workshop of an event")
public record SessionInput(
        @NotNull @Schema(examples = "TALK") Kind kind,
        @NotBlank @Size(max = 200) @Schema(examples = "L'IA au service de la santé") String title,
        @NotNull @Schema(examples = "2026-02-12T09:00:00Z") Instant startsAt,
        @NotNull @Schema(examples = "2026-02-12T10:00:00Z") Instant endsAt,
        @Size(max = 100) @Schema(nullable = true, examples = "Auditorium Lumière") String room,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> speakers) {

    @Schema(description = "TALK: conférence / talk; ROUND_TABLE: table ronde / round table; WORKSHOP: atelier / workshop; "
            + "KEYNOTE: discours d'ouverture / keynote; OTHER: autre / other")
    public enum Kind {
        TALK, ROUND_TABLE, WORKSHOP, KEYNOTE, OTHER
    }

    @JsonIgnore
    @AssertTrue(message = "endsAt must be after startsAt")
    public boolean isEndAfterStart() {
        return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
    }

    static SessionInput of(EventSession s) {
        return new SessionInput(Kind.valueOf(s.kind), s.title, s.startsAt, s.endsAt, s.room, List.copyOf(s.speakers));
    }
}
