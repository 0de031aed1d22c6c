package fr.sudia.impact.source;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import fr.sudia.impact.fact.FactRow;
import fr.sudia.impact.fact.Facts;
import fr.sudia.impact.fact.Metric;
import fr.sudia.impact.fact.Projection;
import fr.sudia.impact.fact.SourceVersion;
import fr.sudia.impact.fact.Split;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.EventData;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns each consumed event into measured facts. The same code serves the live consumers (one event per transaction)
 * and the rebuild (a batch per transaction), so that a replay gives the same figures.
 */
@ApplicationScoped
public class Projections {

    public static final String ATTENDANCE = "events.attendance.v1";
    public static final String ORGANIZATIONS = "directory.organizations.v1";
    public static final String LABELS = "label.labels.v1";
    public static final String REQUESTS = "funding.requests.v1";
    public static final String CALLS = "funding.calls.v1";
    public static final List<String> TOPICS = List.of(ATTENDANCE, ORGANIZATIONS, LABELS, REQUESTS, CALLS);

    private static final Logger LOG = Logger.getLogger(Projections.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final EventData eventData;
    private final Facts facts;

    Projections(EventData eventData, Facts facts) {
        this.eventData = eventData;
        this.facts = facts;
    }

    /** Applies each event of a topic to the facts, in the caller's transaction. */
    public Consumer<CloudEvent> of(String topic) {
        return event -> project(topic, event).ifPresent(facts::apply);
    }

    /**
     * What an event says of its source record, without touching the database; empty for the event types the
     * indicators do not use.
     *
     * @throws fr.sudia.platform.events.PoisonEventException when the event breaks its topic's contract
     */
    public Optional<Projection> project(String topic, CloudEvent event) {
        return Optional.ofNullable(switch (topic) {
            case ATTENDANCE -> attendance(event);
            case ORGANIZATIONS -> organization(event);
            case LABELS -> label(event);
            case REQUESTS -> request(event);
            case CALLS -> call(event);
            default -> throw new IllegalArgumentException("not a consumed topic: " + topic);
        });
    }

    private Projection attendance(CloudEvent event) {
        if (!"fr.sudia.events.attendance.recorded".equals(event.type())) {
            return ignore(event);
        }
        AttendanceRecorded a = eventData.read(event, AttendanceRecorded.class);
        return Projection.of(ATTENDANCE, a.occurrenceKey(), new SourceVersion(a.revision(), a.recordedAt()), false, first -> {
            List<FactRow> rows = new ArrayList<>();
            String place = a.placeOrganizationId() == null ? null : a.placeOrganizationId().toString();
            rows.add(occurrence(Metric.ATTENDANCE_OCCURRENCES, Split.TOTAL, 1, a, place));
            rows.add(occurrence(Metric.ATTENDANCE_PRESENT, Split.TOTAL, a.totals().present(), a, place));
            rows.add(occurrence(Metric.ATTENDANCE_REGISTERED, Split.TOTAL, a.totals().registered(), a, place));
            for (AttendanceRecorded.ByAudience by : a.byAudience()) {
                rows.add(occurrence(Metric.ATTENDANCE_PRESENT, Split.AUDIENCE, by.present(), a, place).audience(by.audience()));
                rows.add(occurrence(Metric.ATTENDANCE_REGISTERED, Split.AUDIENCE, by.registered(), a, place).audience(by.audience()));
            }
            for (AttendanceRecorded.ByLevel by : a.byLevel()) {
                rows.add(occurrence(Metric.ATTENDANCE_PRESENT, Split.LEVEL, by.present(), a, place).level(by.level()));
                rows.add(occurrence(Metric.ATTENDANCE_REGISTERED, Split.LEVEL, by.registered(), a, place).level(by.level()));
            }
            for (AttendanceRecorded.ByCommune by : a.byCommune()) {
                rows.add(occurrence(Metric.ATTENDANCE_PRESENT, Split.COMMUNE, by.present(), a, place)
                        .commune(by.commune()).department(by.department()));
                rows.add(occurrence(Metric.ATTENDANCE_REGISTERED, Split.COMMUNE, by.registered(), a, place)
                        .commune(by.commune()).department(by.department()));
            }
            return rows;
        });
    }

    private static FactRow occurrence(Metric metric, Split split, long value, AttendanceRecorded a, String place) {
        return FactRow.of(metric, split, value, a.startsAt()).place(place).measures(a.measures());
    }

    private Projection organization(CloudEvent event) {
        if (!event.type().startsWith("fr.sudia.directory.organization.")) {
            return ignore(event);
        }
        OrganizationChanged o = eventData.read(event, OrganizationChanged.class);
        // Dated by when the directory first showed the organization (the earliest version received).
        return Projection.of(ORGANIZATIONS, o.id().toString(), SourceVersion.at(o.updatedAt()), true, first -> {
            if (o.deleted() || !"PUBLISHED".equals(o.moderationStatus())) {
                return List.of();
            }
            List<FactRow> rows = new ArrayList<>();
            rows.add(FactRow.of(Metric.ORGANIZATIONS, Split.TOTAL, 1, first).subject(o.id()).kind(o.kind())
                    .department(o.department()).commune(o.postalCode()));
            for (String sector : o.sectors() == null ? List.<String>of() : o.sectors()) {
                rows.add(FactRow.of(Metric.ORGANIZATIONS, Split.SECTOR, 1, first).subject(o.id()).kind(o.kind())
                        .department(o.department()).commune(o.postalCode()).sector(sector));
            }
            return rows;
        }).withOrganization(o.id(), o.department(), o.postalCode(), o.kind());
    }

    private Projection label(CloudEvent event) {
        if ("fr.sudia.label.charter.signed".equals(event.type())) {
            CharterSigned s = eventData.read(event, CharterSigned.class);
            return Projection.of(LABELS, "signature/" + s.signatureId(), SourceVersion.at(s.signedAt()), false, first -> List.of(
                    FactRow.of(Metric.CHARTER_SIGNATURES, Split.TOTAL, 1, s.signedAt()).subject(s.organizationId())));
        } else if (event.type().startsWith("fr.sudia.label.label.")) {
            LabelChanged l = eventData.read(event, LabelChanged.class);
            OffsetDateTime granted = startOfDay(l.grantedOn());
            return Projection.of(LABELS, "label/" + l.labelNumber(), SourceVersion.at(l.changedAt()), false, first -> {
                List<FactRow> rows = new ArrayList<>();
                rows.add(FactRow.of(Metric.LABELS_GRANTED, Split.TOTAL, 1, granted).subject(l.organizationId())
                        .item(l.labelNumber()).kind(l.category()));
                if ("VALID".equals(l.status())) {
                    rows.add(FactRow.of(Metric.LABELS_VALID, Split.TOTAL, 1, granted).subject(l.organizationId())
                            .item(l.labelNumber()).kind(l.category()));
                }
                return rows;
            });
        }
        return ignore(event);
    }

    private Projection request(CloudEvent event) {
        if (!event.type().startsWith("fr.sudia.funding.request.")) {
            return ignore(event);
        }
        RequestChanged r = eventData.read(event, RequestChanged.class);
        return Projection.of(REQUESTS, r.id().toString(), SourceVersion.at(r.changedAt()), false, first -> {
            if (!"HELPED".equals(r.status())) {
                return List.of();
            }
            // Dated by its last HELPED close (a satisfaction recorded later changes changedAt, not the close).
            OffsetDateTime closed = r.assignments().stream()
                    .filter(a -> "HELPED".equals(a.outcome()) && a.answeredAt() != null)
                    .map(RequestChanged.Assignment::answeredAt).max(Comparator.naturalOrder()).orElse(r.changedAt());
            List<FactRow> rows = new ArrayList<>();
            rows.add(FactRow.of(Metric.REQUESTS_HELPED, Split.TOTAL, 1, closed).subject(r.organizationId())
                    .item(r.id().toString()).department(r.department()).kind(r.companyCategory()));
            if (r.amountCommittedEur() != null) {
                rows.add(FactRow.of(Metric.AMOUNT_COMMITTED, Split.TOTAL, r.amountCommittedEur(), closed)
                        .subject(r.organizationId()).item(r.id().toString()).department(r.department())
                        .kind(r.companyCategory()));
            }
            return rows;
        });
    }

    private Projection call(CloudEvent event) {
        if (!"fr.sudia.funding.call.result-published".equals(event.type())) {
            return ignore(event);
        }
        CallResultPublished c = eventData.read(event, CallResultPublished.class);
        return Projection.of(CALLS, c.applicationId().toString(), SourceVersion.at(c.publishedAt()), false, first -> {
            List<FactRow> rows = new ArrayList<>();
            rows.add(FactRow.of(Metric.CALL_LAUREATES, Split.TOTAL, 1, c.publishedAt()).subject(c.organizationId())
                    .item(c.callId().toString()).kind(c.callKind()));
            if (c.amountEur() != null) {
                rows.add(FactRow.of(Metric.CALL_AMOUNT, Split.TOTAL, c.amountEur(), c.publishedAt())
                        .subject(c.organizationId()).item(c.callId().toString()).kind(c.callKind()));
            }
            return rows;
        });
    }

    private static OffsetDateTime startOfDay(LocalDate day) {
        return day.atStartOfDay(PARIS).toOffsetDateTime();
    }

    private static Projection ignore(CloudEvent event) {
        LOG.debugf("Ignoring event type %s", event.type());
        return null;
    }
}
