package fr.sudia.notifications.source;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Data of events.registration-notices.v1 (events-service's contract), as this service reads it. */
public record RegistrationNotice(@NotNull UUID registrationId, @NotBlank String bookingCode,
        @NotNull @Pattern(regexp = "CONFIRMED|WAITLISTED|CANCELLED") String status, @Min(1) int seats,
        Integer waitlistPosition, @NotNull @Valid Occurrence occurrence, @NotNull @Valid Recipient recipient) {

    public record Occurrence(@NotNull UUID eventId, @NotNull OffsetDateTime originalStart, @NotNull OffsetDateTime startsAt,
            OffsetDateTime endsAt, @NotBlank String timeZone, @NotBlank String titleFr, String titleEn, String venueName,
            String city) {
    }

    public record Recipient(String name, @NotBlank @Email String email, @NotNull @Pattern(regexp = "fr|en") String language) {
    }
}
