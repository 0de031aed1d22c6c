package fr.sudia.label.label;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a label is suspended, which decides how it ends. */
@Schema(description = "DECISION: décision du comité / committee decision; CHARTER_NOT_SIGNED: charte en vigueur non signée dans le délai / charter in force not signed within its grace period")
public enum SuspensionKind {
    /** Decided by the committee: ends on its end date, or by a restoration. */
    DECISION,
    /** The holder has not signed the charter in force within its grace period: ends when it signs. */
    CHARTER_NOT_SIGNED
}
