package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "CallAuditEntry")
public record AuditView(long id, String entity, UUID entityId, @Schema(examples = "PHASE_CHANGED") String action,
        String actor, OffsetDateTime at, @Schema(implementation = Object.class) JsonNode details) {

    static AuditView of(AuditEntry e) {
        return new AuditView(e.id, e.entity, e.entityId, e.action, e.actor, CallView.utc(e.at), CallJson.tree(e.details));
    }
}
