package fr.sudia.label.credential;

import fr.sudia.label.label.LabelStatus;

/** The two status lists (W3C Bitstring Status List): a label's bit is set while it is withdrawn, or suspended. */
public enum StatusPurpose {
    REVOCATION(LabelStatus.WITHDRAWN),
    SUSPENSION(LabelStatus.SUSPENDED);

    final LabelStatus setWhile;

    StatusPurpose(LabelStatus setWhile) {
        this.setWhile = setWhile;
    }

    public String value() {
        return name().toLowerCase();
    }
}
