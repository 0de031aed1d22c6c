package fr.sudia.notifications.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.EventData;
import fr.sudia.platform.text.ControlCharacters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Matches the consumed public events with the confirmed, not unsubscribed alerts, in the consumer's transaction (its
 * inbox row): one item per subscription and cause (a redelivered event adds nothing), then the INSTANT ones sent.
 * Eligibility is never decided here: funding-guichet-service names the organizations a new scheme is for.
 */
@ApplicationScoped
public class AlertMatching {

    public static final String SCHEMES = "funding.schemes.v1";
    public static final String SCHEME_MATCHES = "funding.scheme-matches.v1";
    public static final String CALLS = "funding.calls.v1";
    static final String EVENT_PUBLISHED = "fr.sudia.events.event.published";
    static final String SCHEME_MATCHED = "fr.sudia.funding.scheme.matched";
    static final String CALL_OPENED = "fr.sudia.funding.call.opened";
    /** Who runs the competitive calls of the plan, shown as the provider of a call's alert. */
    private static final String CALLS_PROVIDER = "Région Sud";
    private static final String SCHEME_PREFIX = "fr.sudia.funding.scheme.";
    private static final Pattern POSTCODE = Pattern.compile("(?<!\\d)(\\d{5})(?!\\d)");
    private static final String NOT_UNSUBSCRIBED = """
            not exists (select 1 from suppression x where x.email = s.email and x.category in ('alerts.' || s.id, '*'))""";

    private final EntityManager entityManager;
    private final EventData eventData;
    private final AlertDispatch dispatch;
    private final Clock clock;

    private final Alerts alerts;

    AlertMatching(EntityManager entityManager, EventData eventData, AlertDispatch dispatch, Clock clock, Alerts alerts) {
        this.alerts = alerts;
        this.entityManager = entityManager;
        this.eventData = eventData;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /**
     * A newly published event (not its later edits) for the EVENTS alerts whose departments (none: any) hold the
     * venue's and whose audiences (none: any) share one. The department is read from the venue address's postcode;
     * an event without one (online, or no postcode) reaches only alerts without departments.
     */
    public void event(CloudEvent event) {
        if (!EVENT_PUBLISHED.equals(event.type())) {
            return;
        }
        AlertSources.PublishedEvent e = eventData.read(event, AlertSources.PublishedEvent.class);
        if (!"PUBLISHED".equals(e.moderation())) {
            return;
        }
        String department = e.venue() == null || "ONLINE".equals(e.attendanceMode()) ? null : departmentOf(e.venue().address());
        String place = e.venue() == null ? null : Stream.of(e.venue().name(), e.venue().city())
                .filter(s -> s != null && !s.isBlank()).map(ControlCharacters::cleanLine).collect(Collectors.joining(", "));
        String audiences = String.join(",", e.audiences());
        entityManager.createNativeQuery("""
                insert into alert_item (id, subscription_id, dedup_key, kind, title_fr, title_en, starts_at, time_zone, place,
                  link, created_at)
                select gen_random_uuid(), s.id, cast(?1 as text), 'EVENT', cast(?2 as text), cast(?3 as text), cast(?4 as timestamptz),
                  cast(?5 as text), cast(?6 as text), cast(?7 as text), cast(?8 as timestamptz) from alert_subscription s
                where s.kind = 'EVENTS' and s.status = 'CONFIRMED'
                  and (cardinality(s.departments) = 0 or cast(?9 as text) = any(s.departments))
                  and (cardinality(s.audiences) = 0 or s.audiences && string_to_array(cast(?10 as text), ','))
                """ + " and " + NOT_UNSUBSCRIBED + " on conflict (subscription_id, dedup_key) do nothing")
                .setParameter(1, "event/" + e.id()).setParameter(2, ControlCharacters.cleanLine(e.titleFr()))
                .setParameter(3, ControlCharacters.cleanLine(e.titleEn())).setParameter(4, e.startsAt())
                .setParameter(5, e.timeZone()).setParameter(6, place == null || place.isEmpty() ? null : place)
                .setParameter(7, AlertTexts.safeLink(e.url())).setParameter(8, OffsetDateTime.now(clock))
                .setParameter(9, department).setParameter(10, audiences).executeUpdate();
        dispatch.sendInstant();
    }

    /** funding.schemes.v1: the scheme's deadlines kept for the 7-day reminders (an older state never overwrites a newer). */
    public void scheme(CloudEvent event) {
        if (!event.type().startsWith(SCHEME_PREFIX) || SCHEME_MATCHED.equals(event.type())) {
            return;
        }
        AlertSources.SchemeState scheme = eventData.read(event, AlertSources.SchemeState.class);
        if (scheme.removed()) {
            AlertScheme.deleteById(scheme.id());
            return;
        }
        entityManager.createNativeQuery("""
                insert into alert_scheme (id, name, provider, deadlines, status, application_url, updated_at)
                values (?1, ?2, ?3, cast(string_to_array(cast(?4 as text), ',') as date[]), ?5, cast(?6 as text), ?7)
                on conflict (id) do update set name = excluded.name, provider = excluded.provider,
                  deadlines = excluded.deadlines, status = excluded.status, application_url = excluded.application_url,
                  updated_at = excluded.updated_at
                where alert_scheme.updated_at <= excluded.updated_at""")
                .setParameter(1, scheme.id()).setParameter(2, ControlCharacters.cleanLine(scheme.name()))
                .setParameter(3, ControlCharacters.cleanLine(scheme.provider()))
                .setParameter(4, scheme.deadlines().stream().map(LocalDate::toString).collect(Collectors.joining(",")))
                .setParameter(5, scheme.status()).setParameter(6, AlertTexts.safeLink(scheme.applicationUrl()))
                .setParameter(7, scheme.updatedAt()).executeUpdate();
    }

    /** funding.scheme-matches.v1: a new scheme for the SCHEMES alerts of the organizations funding named. */
    public void schemeMatches(CloudEvent event) {
        if (!SCHEME_MATCHED.equals(event.type())) {
            return;
        }
        AlertSources.SchemeMatched matched = eventData.read(event, AlertSources.SchemeMatched.class);
        LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(AlertTexts.REGION_ZONE).toLocalDate();
        LocalDate nextDeadline = matched.deadlines().stream().filter(d -> !d.isBefore(today)).sorted().findFirst().orElse(null);
        List<AlertSources.Match> matches = matched.matches();
        entityManager.createNativeQuery("""
                insert into alert_item (id, subscription_id, dedup_key, kind, title_fr, deadline, provider, verdict, link,
                  created_at)
                select gen_random_uuid(), s.id, cast(?1 as text), 'SCHEME', cast(?2 as text), cast(cast(?3 as text) as date),
                  cast(?4 as text), m.verdict, cast(?5 as text), cast(?6 as timestamptz)
                from unnest(cast(string_to_array(cast(?7 as text), ',') as uuid[]), string_to_array(cast(?8 as text), ','))
                  as m (organization_id, verdict)
                join alert_subscription s on s.organization_id = m.organization_id
                where s.kind = 'SCHEMES' and s.status = 'CONFIRMED' and m.verdict in ('ELIGIBLE', 'POSSIBLY_ELIGIBLE')
                """ + " and " + NOT_UNSUBSCRIBED + " on conflict (subscription_id, dedup_key) do nothing")
                .setParameter(1, "scheme/" + matched.schemeId()).setParameter(2, ControlCharacters.cleanLine(matched.name()))
                .setParameter(3, nextDeadline == null ? null : nextDeadline.toString()).setParameter(4, ControlCharacters.cleanLine(matched.provider()))
                .setParameter(5, AlertTexts.safeLink(matched.applicationUrl())).setParameter(6, OffsetDateTime.now(clock))
                .setParameter(7, matches.stream().map(m -> m.organizationId().toString()).collect(Collectors.joining(",")))
                .setParameter(8, matches.stream().map(AlertSources.Match::verdict).collect(Collectors.joining(",")))
                .executeUpdate();
        dispatch.sendInstant();
    }

    /**
     * funding.calls.v1: a call opening to applications, for the CALLS alerts whose applicant types (none: any) share one
     * with the call's. Its laureates, the topic's other events, alert nobody.
     */
    public void call(CloudEvent event) {
        if (!CALL_OPENED.equals(event.type())) {
            return;
        }
        AlertSources.CallOpened call = eventData.read(event, AlertSources.CallOpened.class);
        String title = call.theme() == null || call.theme().isBlank() ? call.callTitle() : call.callTitle() + " — " + call.theme();
        LocalDate deadline = call.closesAt().atZoneSameInstant(AlertTexts.REGION_ZONE).toLocalDate();
        entityManager.createNativeQuery("""
                insert into alert_item (id, subscription_id, dedup_key, kind, title_fr, deadline, provider, link, created_at)
                select gen_random_uuid(), s.id, cast(?1 as text), 'CALL', cast(?2 as text), cast(cast(?3 as text) as date),
                  cast(?4 as text), cast(?5 as text), cast(?6 as timestamptz) from alert_subscription s
                where s.kind = 'CALLS' and s.status = 'CONFIRMED'
                  and (cardinality(s.applicant_types) = 0 or s.applicant_types && string_to_array(cast(?7 as text), ','))
                """ + " and " + NOT_UNSUBSCRIBED + " on conflict (subscription_id, dedup_key) do nothing")
                .setParameter(1, "call/" + call.callId()).setParameter(2, ControlCharacters.cleanLine(title))
                .setParameter(3, deadline.toString()).setParameter(4, CALLS_PROVIDER)
                .setParameter(5, AlertTexts.safeLink(alerts.publicLink("/api/funding/v1/calls/" + call.callId())))
                .setParameter(6, OffsetDateTime.now(clock)).setParameter(7, String.join(",", call.applicantTypes()))
                .executeUpdate();
        dispatch.sendInstant();
    }

    /** The department of the first postcode in an address: two digits, three overseas, Corsica's 2A up to 20190 and 2B above. */
    static String departmentOf(String address) {
        if (address == null) {
            return null;
        }
        Matcher matcher = POSTCODE.matcher(address);
        if (!matcher.find()) {
            return null;
        }
        String code = matcher.group(1);
        if (code.startsWith("97")) {
            return code.substring(0, 3);
        }
        if (code.startsWith("20")) {
            return Integer.parseInt(code) <= 20190 ? "2A" : "2B";
        }
        return code.substring(0, 2);
    }
}
