package fr.sudia.directory.organization;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The organization's Sud IA label, as label-service announces it on {@code label.labels.v1}. */
@Schema(description = "NONE: sans label / no label; VALID: label valide / valid label; SUSPENDED: suspendu / suspended; "
        + "WITHDRAWN: retiré / withdrawn; EXPIRED: expiré / expired")
public enum LabelStatus {
    NONE,
    VALID,
    SUSPENDED,
    WITHDRAWN,
    EXPIRED
}
