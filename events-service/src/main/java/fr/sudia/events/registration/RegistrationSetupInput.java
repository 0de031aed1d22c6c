package fr.sudia.events.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an organizer sets to take registrations on the platform. */
@Schema(name = "RegistrationSetupInput")
public record RegistrationSetupInput(
        @NotNull @Min(1) @Max(100_000) @Schema(description = "Seats of each occurrence (one occurrence can have its own)", examples = "30")
        Integer capacity,
        @Schema(description = "When bookings open (default: now)", examples = "2027-01-05T08:00:00Z") Instant opensAt,
        @Schema(description = "When bookings close (default: each occurrence's start)", examples = "2027-02-10T12:00:00Z") Instant closesAt,
        @Size(max = 8) @Schema(description = "The categories the activity targets; empty or absent: everyone")
        List<@NotNull AudienceCategory> audiences,
        @Schema(description = "Whether teachers and structures may book for a group", examples = "true") boolean groupsAllowed,
        @Schema(description = "Whether a full occurrence keeps a waitlist (otherwise a booking past capacity is refused)",
                examples = "true") boolean waitlist,
        @Min(1) @Max(10) @Schema(description = "Seats one person may book (themselves and companions; default 1)", examples = "2")
        Integer maxSeatsPerBooking,
        @Size(max = 10) List<@Valid @NotNull Question> questions,
        @Size(max = 5) @Schema(description = "The Mesures of the regional AI plan the activity serves (1 to 22)", examples = "[8]")
        List<@NotNull @Min(1) @Max(22) Integer> measures,
        @Schema(description = "The directory organization hosting it (the Maison de l'IA, a lycée…)") UUID placeOrganizationId,
        @Schema(description = "Closes registration of every occurrence (bookings kept)", examples = "false") boolean closed) {
}
