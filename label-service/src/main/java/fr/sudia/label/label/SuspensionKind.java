package fr.sudia.label.label;

/** Why a label is suspended, which decides how it ends. */
public enum SuspensionKind {
    /** Decided by the committee: ends on its end date, or by a restoration. */
    DECISION,
    /** The holder has not signed the charter in force within its grace period: ends when it signs. */
    CHARTER_NOT_SIGNED
}
