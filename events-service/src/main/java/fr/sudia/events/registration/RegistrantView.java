package fr.sudia.events.registration;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking as the organizer sees it in the list of an occurrence. */
@Schema(name = "Registrant")
public record RegistrantView(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "7KQ4M2XD") String bookingCode,
        @Schema(required = true) BookingKind kind,
        @Schema(required = true) BookingStatus status,
        @Schema(required = true, examples = "1") int seats,
        @Schema(nullable = true, description = "Null once pseudonymized or erased") String name,
        @Schema(nullable = true, description = "Null once pseudonymized or erased") String email,
        @Schema(required = true) AudienceCategory audience,
        @Schema(nullable = true, examples = "06018") String inseeCode,
        @Schema(nullable = true, examples = "06410") String postcode,
        @Schema(nullable = true, examples = "06") String department,
        @Schema(nullable = true) String structureName,
        @Schema(nullable = true) String uai,
        @Schema(nullable = true) GroupLevel level,
        @Schema(nullable = true) Integer girls,
        @Schema(nullable = true) Map<String, String> answers,
        @Schema(nullable = true, description = "How many were checked in (null: nobody yet)") Integer present,
        @Schema(nullable = true) Instant checkedInAt,
        @Schema(required = true) Instant bookedAt,
        @Schema(nullable = true) Instant promotedAt,
        @Schema(nullable = true) Instant cancelledAt) {

    static RegistrantView of(Registration r) {
        return new RegistrantView(r.id, r.bookingCode, r.kind, r.status, r.seats, r.name, r.email, r.audience, r.communeCode,
                r.postcode, r.department, r.structureName, r.uai, r.level, r.girls, r.answers, r.present, r.checkedInAt,
                r.createdAt, r.promotedAt, r.cancelledAt);
    }
}
