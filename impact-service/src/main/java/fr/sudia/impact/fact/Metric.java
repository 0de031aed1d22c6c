package fr.sudia.impact.fact;

import static fr.sudia.impact.fact.Dimension.AUDIENCE;
import static fr.sudia.impact.fact.Dimension.COMMUNE;
import static fr.sudia.impact.fact.Dimension.DEPARTMENT;
import static fr.sudia.impact.fact.Dimension.PLACE;
import static fr.sudia.impact.fact.Dimension.SECTOR;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The measures the read model keeps, each from one topic: what an indicator's computation can name. For each, the
 * splits its rows come in and the dimensions each split carries (year, quarter and month always), and the filters
 * an indicator may set ({@code audience} and {@code level} need the split that carries them; {@code kind} and
 * {@code measure} work on every split).
 */
public enum Metric {
    ATTENDANCE_PRESENT("attendance.present", "events.attendance.v1",
            "People checked in at the occurrences of activities booked on the platform (latest revision of each occurrence)",
            Map.of(Split.TOTAL, EnumSet.of(PLACE), Split.AUDIENCE, EnumSet.of(AUDIENCE, PLACE),
                    Split.LEVEL, EnumSet.of(PLACE), Split.COMMUNE, EnumSet.of(COMMUNE, DEPARTMENT, PLACE)),
            Set.of("audience", "level", "measure")),
    ATTENDANCE_REGISTERED("attendance.registered", "events.attendance.v1",
            "Seats booked (confirmed) at the occurrences of activities booked on the platform",
            Map.of(Split.TOTAL, EnumSet.of(PLACE), Split.AUDIENCE, EnumSet.of(AUDIENCE, PLACE),
                    Split.LEVEL, EnumSet.of(PLACE), Split.COMMUNE, EnumSet.of(COMMUNE, DEPARTMENT, PLACE)),
            Set.of("audience", "level", "measure")),
    ATTENDANCE_OCCURRENCES("attendance.occurrences", "events.attendance.v1",
            "Occurrences held with bookings on the platform",
            Map.of(Split.TOTAL, EnumSet.of(PLACE)), Set.of("measure")),
    ORGANIZATIONS("directory.organizations", "directory.organizations.v1",
            "Organizations published in the directory and not removed (dated by when the directory first showed them)",
            Map.of(Split.TOTAL, EnumSet.of(DEPARTMENT, COMMUNE), Split.SECTOR, EnumSet.of(SECTOR, DEPARTMENT, COMMUNE)),
            Set.of("kind")),
    LABELS_GRANTED("labels.granted", "label.labels.v1",
            "Sud IA labels ever granted (whatever became of them), dated by their grant",
            Map.of(Split.TOTAL, EnumSet.of(DEPARTMENT, COMMUNE)), Set.of("kind")),
    LABELS_VALID("labels.valid", "label.labels.v1",
            "Sud IA labels valid now, dated by their grant",
            Map.of(Split.TOTAL, EnumSet.of(DEPARTMENT, COMMUNE)), Set.of("kind")),
    CHARTER_SIGNATURES("charter.signatures", "label.labels.v1",
            "Signatures of the ethical AI charter (every version), dated by the signature",
            Map.of(Split.TOTAL, EnumSet.of(DEPARTMENT, COMMUNE)), Set.of()),
    REQUESTS_HELPED("funding.helped", "funding.requests.v1",
            "Requests to the one-stop desk closed as helped, dated by the close",
            Map.of(Split.TOTAL, EnumSet.of(DEPARTMENT, COMMUNE)), Set.of("kind")),
    AMOUNT_COMMITTED("funding.committed-eur", "funding.requests.v1",
            "Euros committed by the schemes of the requests closed as helped, dated by the close",
            Map.of(Split.TOTAL, EnumSet.of(DEPARTMENT, COMMUNE)), Set.of("kind")),
    CALL_LAUREATES("calls.laureates", "funding.calls.v1",
            "Laureates of the Region's calls (research calls, AI challenges, prizes, excellence grants), dated by publication",
            Map.of(Split.TOTAL, EnumSet.of(DEPARTMENT, COMMUNE)), Set.of("kind")),
    CALL_AMOUNT("calls.amount-eur", "funding.calls.v1",
            "Euros awarded to the laureates of the Region's calls, dated by publication",
            Map.of(Split.TOTAL, EnumSet.of(DEPARTMENT, COMMUNE)), Set.of("kind"));

    private final String key;
    private final String topic;
    private final String description;
    private final Map<Split, Set<Dimension>> splits;
    private final Set<String> filters;

    Metric(String key, String topic, String description, Map<Split, Set<Dimension>> splits, Set<String> filters) {
        this.key = key;
        this.topic = topic;
        this.description = description;
        this.splits = new LinkedHashMap<>();
        // TOTAL first: the cheapest split that answers is chosen.
        for (Split split : Split.values()) {
            if (splits.containsKey(split)) {
                this.splits.put(split, splits.get(split));
            }
        }
        this.filters = filters;
    }

    public String key() {
        return key;
    }

    public String topic() {
        return topic;
    }

    public String description() {
        return description;
    }

    public Set<String> filters() {
        return filters;
    }

    public static Optional<Metric> of(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** The split answering these filters broken down by {@code breakdown} (null: none), if the rows allow it. */
    public Optional<Split> splitFor(Set<String> filterKeys, Dimension breakdown) {
        for (Map.Entry<Split, Set<Dimension>> entry : splits.entrySet()) {
            Split split = entry.getKey();
            if (filterKeys.contains("audience") && split != Split.AUDIENCE || filterKeys.contains("level") && split != Split.LEVEL) {
                continue;
            }
            if (breakdown == null || breakdown.isPeriod() || entry.getValue().contains(breakdown)) {
                return Optional.of(split);
            }
        }
        return Optional.empty();
    }
}
