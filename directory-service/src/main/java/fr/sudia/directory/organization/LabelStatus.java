package fr.sudia.directory.organization;

/** The organization's Sud IA label, as label-service announces it on {@code label.labels.v1}. */
public enum LabelStatus {
    NONE,
    VALID,
    SUSPENDED,
    WITHDRAWN,
    EXPIRED
}
