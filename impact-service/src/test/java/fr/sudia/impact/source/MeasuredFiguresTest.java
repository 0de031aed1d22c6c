package fr.sudia.impact.source;

import static fr.sudia.impact.support.Sources.PATIENCE;
import static fr.sudia.impact.support.Sources.valueIn;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.sudia.impact.support.Sources;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Events from each source, on the real broker, give the right figures; redelivered and out-of-order events change
 * nothing. Each test measures in a year of its own.
 */
@QuarkusTest
class MeasuredFiguresTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    Sources sources;

    @BeforeEach
    void sources() {
        sources = new Sources(broker, entityManager);
    }

    @Test
    void attendanceCountsTheLatestRevisionOfEachOccurrenceOnce() {
        int year = 2031;
        UUID event = UUID.randomUUID();
        UUID place = UUID.randomUUID();
        String start = year + "-02-10T13:00:00Z";
        String first = sources.attendance(event, start, 1, 27, 20, "06088", "06", place);
        sources.awaitProcessed(first);
        assertEquals(27, valueIn("people-made-aware", year));

        // Late check-ins: revision 2 replaces revision 1, never added to it.
        String second = sources.attendance(event, start, 2, 30, 22, "06088", "06", place);
        await().atMost(PATIENCE).until(() -> valueIn("people-made-aware", year) == 30);
        assertEquals(22, valueIn("pupils-made-aware", year));
        assertEquals(30, valueIn("people-made-aware", year, "department", "06"));
        assertEquals(30, valueIn("people-made-aware", year, "commune", "06088"));
        assertEquals(22, valueIn("people-made-aware", year, "audience", "PUPIL"));
        assertEquals(8, valueIn("people-made-aware", year, "audience", "SENIOR"));
        assertEquals(30, valueIn("people-made-aware", year, "place", place.toString()));
        assertEquals(1, valueIn("activities-held", year));

        // Revision 1 again under a new event id (out of order), then the same event redelivered: nothing changes.
        sources.awaitProcessed(sources.attendance(event, start, 1, 27, 20, "06088", "06", place));
        sources.awaitProcessed(sources.publish(second, "events.attendance.v1", "events-service",
                "fr.sudia.events.attendance.recorded", event + "/" + start, attendanceData(event, start)));
        assertEquals(30, valueIn("people-made-aware", year));
        assertEquals(22, valueIn("pupils-made-aware", year));
        assertEquals(1, valueIn("activities-held", year));

        // Another occurrence in another department adds up.
        sources.awaitProcessed(sources.attendance(UUID.randomUUID(), year + "-05-03T08:00:00Z", 1, 10, 0, "83137", "83", null));
        assertEquals(40, valueIn("people-made-aware", year));
        assertEquals(10, valueIn("people-made-aware", year, "department", "83"));
        assertEquals(2, valueIn("activities-held", year));
    }

    /** Any valid payload: a redelivered event id is skipped whatever it carries. */
    private static String attendanceData(UUID event, String start) {
        return """
                {"eventId":"%s","originalStart":"%s","startsAt":"%s","endsAt":"%s","timeZone":"Europe/Paris","titleFr":"x",
                 "organizerId":null,"placeOrganizationId":null,"city":null,"measures":[8],"tags":[],"revision":9,"capacity":999,
                 "totals":{"bookings":1,"registered":999,"present":999,"noShows":0,"waitlisted":0},
                 "byAudience":[],"byLevel":[],"byCommune":[],"recordedAt":"%s"}"""
                .formatted(event, start, start, start, start);
    }

    @Test
    void directoryLabelsAndCharterCountByTheOrganizationsDepartment() {
        int year = 2032;
        UUID org = UUID.randomUUID();
        String created = year + "-03-01T10:00:00Z";
        sources.awaitProcessed(sources.organization(org, "registered", "AI_AWARENESS_PLACE", "83", "83000",
                List.of("HEALTH", "EDUCATION"), false, created));
        assertEquals(1, valueIn("directory-organizations", year));
        assertEquals(1, valueIn("directory-organizations", year, "sector", "HEALTH"));
        assertEquals(1, valueIn("directory-organizations", year, "department", "83"));

        String number = "SUD-IA-" + year + "-0001";
        sources.awaitProcessed(sources.label(number, org, "granted", "VALID", "AI_AWARENESS_PLACE",
                year + "-04-01T10:00:00Z", year + "-04-01"));
        sources.awaitProcessed(sources.charterSigned(org, year + "-03-20T14:05:00Z"));
        sources.awaitProcessed(sources.charterSigned(org, year + "-09-20T14:05:00Z"));
        assertEquals(1, valueIn("labels-granted", year));
        assertEquals(1, valueIn("labels-granted", year, "department", "83"));
        assertEquals(1, valueIn("labelled-places", year));
        assertEquals(1, valueIn("charter-signatories", year), "two signatures, one signatory");

        // Withdrawn: still granted once, no longer valid; the older "granted" arriving late changes nothing.
        sources.awaitProcessed(sources.label(number, org, "withdrawn", "WITHDRAWN", "AI_AWARENESS_PLACE",
                year + "-06-01T10:00:00Z", year + "-04-01"));
        assertEquals(0, valueIn("labelled-places", year));
        sources.awaitProcessed(sources.label(number, org, "granted", "VALID", "AI_AWARENESS_PLACE",
                year + "-04-01T10:00:00Z", year + "-04-01"));
        assertEquals(0, valueIn("labelled-places", year));
        assertEquals(1, valueIn("labels-granted", year));

        // Removed from the directory: no longer counted; an older registration arriving late changes nothing.
        sources.awaitProcessed(sources.organization(org, "removed", "AI_AWARENESS_PLACE", "83", "83000",
                List.of("HEALTH", "EDUCATION"), true, year + "-10-01T10:00:00Z"));
        assertEquals(0, valueIn("directory-organizations", year));
        sources.awaitProcessed(sources.organization(org, "updated", "AI_AWARENESS_PLACE", "83", "83000",
                List.of("HEALTH"), false, year + "-05-01T10:00:00Z"));
        assertEquals(0, valueIn("directory-organizations", year));
    }

    @Test
    void helpedRequestsCountCompaniesAndAmountsCommitted() {
        int year = 2033;
        UUID org = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        String closedAt = year + "-11-30T15:00:00Z";
        sources.awaitProcessed(sources.request(request, org, "taken-in-charge", "IN_PROGRESS", null, year + "-11-20T10:00:00Z", null));
        assertEquals(0, valueIn("companies-helped", year));
        String closed = sources.request(request, org, "closed", "HELPED", 30000L, closedAt, closedAt);
        sources.awaitProcessed(closed);
        assertEquals(1, valueIn("companies-helped", year));
        assertEquals(30000, valueIn("amount-committed", year));
        assertEquals(30000, valueIn("amount-committed", year, "department", "13"));

        // The earlier state arriving late, and the close redelivered: nothing changes.
        sources.awaitProcessed(sources.request(request, org, "taken-in-charge", "IN_PROGRESS", null, year + "-11-21T10:00:00Z", null));
        sources.awaitProcessed(sources.publish(closed, "funding.requests.v1", "funding-guichet-service",
                "fr.sudia.funding.request.closed", request.toString(),
                Sources.requestData(request, org, "HELPED", 999999L, year + "-12-31T10:00:00Z", year + "-12-31T10:00:00Z")));
        assertEquals(1, valueIn("companies-helped", year));
        assertEquals(30000, valueIn("amount-committed", year));

        // A second helped request of the same company: one company, amounts added.
        UUID another = UUID.randomUUID();
        sources.awaitProcessed(sources.request(another, org, "closed", "HELPED", 12000L, year + "-12-01T09:00:00Z",
                year + "-12-01T09:00:00Z"));
        assertEquals(1, valueIn("companies-helped", year));
        assertEquals(42000, valueIn("amount-committed", year));
    }

    @Test
    void callResultsCountLaureatesCallsHeldAndAmounts() {
        int year = 2034;
        UUID challenge = UUID.randomUUID();
        UUID grants = UUID.randomUUID();
        sources.awaitProcessed(sources.laureate(challenge, "AI_CHALLENGE", year, UUID.randomUUID(), 15000L, year + "-06-20T16:00:00Z"));
        sources.awaitProcessed(sources.laureate(challenge, "AI_CHALLENGE", year, UUID.randomUUID(), 5000L, year + "-06-20T16:00:00Z"));
        sources.awaitProcessed(sources.laureate(grants, "EXCELLENCE_GRANTS", year, null, 5000L, year + "-09-01T08:00:00Z"));
        assertEquals(1, valueIn("ai-challenges-held", year), "two laureates, one challenge");
        assertEquals(3, valueIn("call-laureates", year));
        assertEquals(5000, valueIn("excellence-grants-awarded", year));
    }
}
