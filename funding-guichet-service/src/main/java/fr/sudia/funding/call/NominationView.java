package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CallNomination")
public record NominationView(UUID id, UUID callId, Nomination.NomineeKind nomineeKind, String nomineeName,
        @Schema(nullable = true) UUID organizationId, @Schema(nullable = true) String category, String reason,
        String nominatedBy, boolean shortlisted, @Schema(nullable = true) OffsetDateTime shortlistedAt,
        OffsetDateTime createdAt) {

    static NominationView of(Nomination n) {
        return new NominationView(n.id, n.callId, n.nomineeKind, n.nomineeName, n.organizationId, n.category, n.reason,
                n.nominatedBy, n.shortlisted, CallView.utc(n.shortlistedAt), CallView.utc(n.createdAt));
    }
}
