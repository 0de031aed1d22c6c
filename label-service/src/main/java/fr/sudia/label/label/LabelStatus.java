package fr.sudia.label.label;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A label's state, as published on {@code label.labels.v1} and shown by the registry. */
@Schema(description = "VALID: valide / valid; SUSPENDED: suspendu / suspended; WITHDRAWN: retiré / withdrawn; EXPIRED: expiré / expired")
public enum LabelStatus {
    VALID,
    SUSPENDED,
    WITHDRAWN,
    EXPIRED;

    /** Withdrawn and expired are final: the holder must apply again. */
    public boolean isCurrent() {
        return this == VALID || this == SUSPENDED;
    }
}
