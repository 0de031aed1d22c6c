package fr.sudia.label.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import fr.sudia.label.label.Label;
import fr.sudia.label.label.LabelCategory;
import fr.sudia.label.label.LabelStatus;

/** What the public registry needs to answer for one label, held in memory by {@link LabelIndex}. */
public record LabelSnapshot(String number, UUID organizationId, String holderName, String holderCity,
        LabelCategory category, LabelStatus status, OffsetDateTime statusSince, LocalDate grantedOn,
        LocalDate validUntil, LocalDate suspendedUntil, long version) {

    static LabelSnapshot of(Label label, String holderName, String holderCity) {
        return new LabelSnapshot(label.number, label.organizationId, holderName, holderCity, label.category,
                label.status, label.statusSince, label.grantedOn, label.validUntil, label.suspendedUntil, label.version);
    }

    /** A label past its last valid day reads as expired even before the expiry job has recorded it. */
    public LabelStatus statusOn(LocalDate today) {
        return status.isCurrent() && validUntil.isBefore(today) ? LabelStatus.EXPIRED : status;
    }

    public OffsetDateTime sinceOn(LocalDate today) {
        return statusOn(today) == status ? statusSince : validUntil.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** A strong validator: the row's version and the status shown, which can change with the date alone. */
    public String etag(LocalDate today) {
        return "\"" + version + "-" + statusOn(today) + "\"";
    }
}
