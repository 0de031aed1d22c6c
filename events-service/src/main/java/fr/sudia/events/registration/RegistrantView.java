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
        @Schema(description = "Null once pseudonymized or erased") String name,
        @Schema(description = "Null once pseudonymized or erased") String email,
        @Schema(required = true) AudienceCategory audience,
        @Schema(examples = "06018") String inseeCode,
        @Schema(examples = "06410") String postcode,
        @Schema(examples = "06") String department,
        String structureName,
        String uai,
        GroupLevel level,
        Integer girls,
        Map<String, String> answers,
        @Schema(description = "How many were checked in (null: nobody yet)") Integer present,
        Instant checkedInAt,
        @Schema(required = true) Instant bookedAt,
        Instant promotedAt,
        Instant cancelledAt) {

    static RegistrantView of(Registration r) {
        return new RegistrantView(r.id, r.bookingCode, r.kind, r.status, r.seats, r.name, r.email, r.audience, r.communeCode,
                r.postcode, r.department, r.structureName, r.uai, r.level, r.girls, r.answers, r.present, r.checkedInAt,
                r.createdAt, r.promotedAt, r.cancelledAt);
    }
}
