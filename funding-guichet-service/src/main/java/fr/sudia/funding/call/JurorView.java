package fr.sudia.funding.call;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CallJuror")
public record JurorView(String subject, String assignedBy, OffsetDateTime assignedAt) {

    static JurorView of(Juror j) {
        return new JurorView(j.subject, j.assignedBy, CallView.utc(j.assignedAt));
    }
}
