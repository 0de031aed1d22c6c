package fr.sudia.label.label;

/** A label's state, as published on {@code label.labels.v1} and shown by the registry. */
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
