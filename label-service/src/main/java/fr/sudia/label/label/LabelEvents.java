package fr.sudia.label.label;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The contract of {@code label.labels.v1}. The record key (and CloudEvents subject) is the holder's organization id,
 * so one organization's events stay in order on one partition.
 */
public final class LabelEvents {

    public static final String TOPIC = "label.labels.v1";
    public static final String GRANTED = "fr.sudia.label.label.granted";
    public static final String RENEWED = "fr.sudia.label.label.renewed";
    public static final String SUSPENDED = "fr.sudia.label.label.suspended";
    public static final String RESTORED = "fr.sudia.label.label.restored";
    public static final String WITHDRAWN = "fr.sudia.label.label.withdrawn";
    public static final String EXPIRED = "fr.sudia.label.label.expired";
    /** Not a label state: consumers that follow labels only ignore it (they filter on fr.sudia.label.label.). */
    public static final String CHARTER_SIGNED = "fr.sudia.label.charter.signed";

    private LabelEvents() {
    }

    /** The data of every {@code fr.sudia.label.label.*} event. */
    public record LabelChanged(String labelNumber, UUID organizationId, LabelStatus status, LabelCategory category,
            OffsetDateTime changedAt, LocalDate grantedOn, LocalDate validUntil, String reason) {

        static LabelChanged of(Label label, String reason) {
            return new LabelChanged(label.number, label.organizationId, label.status, label.category, label.updatedAt,
                    label.grantedOn, label.validUntil, reason);
        }
    }
}
