package fr.sudia.events.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * What {@code events.registration-notices.v1} carries: someone must be told about their booking (confirmed,
 * waitlisted, promoted, cancelled, occurrence cancelled). The notification service owns how. The recipient's name
 * and address are the only personal data, and the topic keeps them 7 days; the management link never travels
 * (only its hash is stored), the booking code does.
 */
public record RegistrationNotice(UUID registrationId, String bookingCode, String status, int seats,
        Integer waitlistPosition, Occurrence occurrence, Recipient recipient) {

    public record Occurrence(UUID eventId, Instant originalStart, Instant startsAt, Instant endsAt, String timeZone,
            String titleFr, String titleEn, String venueName, String city) {
    }

    public record Recipient(String name, String email, String language) {
    }
}
