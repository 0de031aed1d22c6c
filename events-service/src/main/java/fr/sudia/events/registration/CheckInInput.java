package fr.sudia.events.registration;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One scan at the door, as a device recorded it (possibly offline, sent later). */
@Schema(name = "CheckIn")
public record CheckInInput(
        @NotNull @Schema(description = "Chosen by the device for this scan: sending it again changes nothing") UUID id,
        @NotBlank @Size(max = 20) @Schema(description = "The booking code (the confirmation's QR code holds it)", examples = "7KQ4M2XD")
        String bookingCode,
        @Min(0) @Schema(description = "How many of the booking came (default: all its seats); for a group, the number actually present",
                examples = "26") Integer present,
        @Schema(description = "When the scan happened (default: when it is received)", examples = "2027-02-10T14:05:00Z") Instant checkedAt,
        @Size(max = 60) @Schema(description = "Which device scanned, for the organizer's log", examples = "porte-nord") String device) {
}
