package fr.sudia.funding.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.funding.TestClock;
import fr.sudia.platform.testing.PrometheusMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * With the clock moved past the periods, against the real database: the free texts of requests closed long ago and
 * the personal fields of applications to calls whose results are old are erased, recent ones and open requests are
 * kept, and the metric counts what went.
 */
@QuarkusTest
class FreeTextRetentionTest {

    @Inject
    TestClock clock;

    @Inject
    FreeTextRetention retention;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "sudia.funding.retention.request-texts")
    Duration requestTexts;

    @ConfigProperty(name = "sudia.funding.retention.call-applications")
    Duration callApplications;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void requestTextsGoThreeYearsAfterClosingAndOpenRequestsKeepThem() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID closedLongAgo = request("HELPED", now.minusDays(10));
        UUID closedRecently = request("NOT_HELPED", now);
        UUID stillOpen = request("IN_PROGRESS", now.minusDays(10));
        double before = removed("funding-requests.free-texts");

        clock.advance(requestTexts.minusDays(5));
        long cleared = retention.clearRequestTexts();

        assertEquals(List.of("", "null", "null"), requestTexts(closedLongAgo));
        assertEquals(List.of("Besoin de Jeanne Testeuse", "Très satisfaite", "Pas le bon moment"),
                requestTexts(closedRecently));
        assertEquals(List.of("Besoin de Jeanne Testeuse", "Très satisfaite", "Pas le bon moment"), requestTexts(stillOpen));
        assertEquals(cleared, removed("funding-requests.free-texts") - before);
        assertEquals(0L, retention.clearRequestTexts(), "a second run finds nothing more");
    }

    @Test
    void applicationsLoseTheirPersonalFieldsFiveYearsAfterTheResults() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID old = application(now.minusDays(10));
        UUID recent = application(now.plusDays(30));
        double before = removed("call-applications.personal-fields");

        clock.advance(callApplications.minusDays(5));
        long cleared = retention.clearCallApplications();

        assertEquals(List.of("[]", "{}", "null", "null", "0", "null", "Lycée Test"), applicationFields(old));
        assertEquals(List.of("[{\"name\":\"Jeanne Testeuse\"}]", "{\"q1\":\"Notre projet\"}", "Excellent", "Bravo", "1",
                "Commentaire du jury", "Lycée Test"), applicationFields(recent));
        assertEquals(cleared, removed("call-applications.personal-fields") - before);
        assertEquals(0L, retention.clearCallApplications());
    }

    private UUID request(String status, OffsetDateTime statusChangedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into funding_request (id, organization_id, submitted_by, need, pillars, status, submitted_at,
                                                 status_changed_at, satisfaction_score, satisfaction_comment)
                    values (?1, ?2, 'member-retention', 'Besoin de Jeanne Testeuse', '{FINANCING}', ?3, ?4, ?4, 5,
                            'Très satisfaite')""")
                    .setParameter(1, id).setParameter(2, UUID.randomUUID()).setParameter(3, status)
                    .setParameter(4, statusChangedAt).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into request_assignment (id, request_id, advisor, partner, status, reason)
                    values (?1, ?2, 'advisor-retention', 'BPI', 'DECLINED', 'Pas le bon moment')""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, id).executeUpdate();
        });
        return id;
    }

    private List<String> requestTexts(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery("""
                    select r.need, r.satisfaction_comment, a.reason
                      from funding_request r join request_assignment a on a.request_id = r.id where r.id = ?1""")
                    .setParameter(1, id).getSingleResult();
            return List.of(String.valueOf(row[0]), String.valueOf(row[1]), String.valueOf(row[2]));
        });
    }

    private UUID application(OffsetDateTime resultsOn) {
        UUID call = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into funding_call (id, kind, title, edition_year, phase, opens_at, closes_at, results_on,
                                              form, grid, applicant_types, created_by, created_at, updated_at)
                    values (?1, 'AI_CHALLENGE', 'Défi retention', 2026, 'RESULTS', ?2, ?2, ?2, '[]', '[]', '{SCHOOL}',
                            'admin', ?2, ?2)""")
                    .setParameter(1, call).setParameter(2, resultsOn).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into call_application (id, call_id, organization_id, applicant_type, applicant_name, title,
                                                  team, answers, status, created_by, created_at, updated_at,
                                                  decision_reasons, feedback, decided_at)
                    values (?1, ?2, ?3, 'SCHOOL', 'Lycée Test', 'Projet', '[{"name":"Jeanne Testeuse"}]',
                            '{"q1":"Notre projet"}', 'DECIDED', 'member-retention', ?4, ?4, 'Excellent', 'Bravo', ?4)""")
                    .setParameter(1, id).setParameter(2, call).setParameter(3, UUID.randomUUID())
                    .setParameter(4, resultsOn).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into call_attachment (application_id, question_id, media_type, size_bytes, sha256, content,
                                                 uploaded_by, uploaded_at)
                    values (?1, 'q2', 'application/pdf', 3, repeat('0', 64), '\\x010203', 'member-retention', ?2)""")
                    .setParameter(1, id).setParameter(2, resultsOn).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into call_review (id, call_id, application_id, juror, scores, weighted_score, comment,
                                             created_at, updated_at)
                    values (?1, ?2, ?3, 'juror-retention', '{}', 12.5, 'Commentaire du jury', ?4, ?4)""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, call).setParameter(3, id)
                    .setParameter(4, resultsOn).executeUpdate();
        });
        return id;
    }

    private List<String> applicationFields(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery("""
                    select a.team, a.answers, a.decision_reasons, a.feedback,
                           (select count(*) from call_attachment f where f.application_id = a.id),
                           (select r.comment from call_review r where r.application_id = a.id), a.applicant_name
                      from call_application a where a.id = ?1""")
                    .setParameter(1, id).getSingleResult();
            return java.util.Arrays.stream(row).map(String::valueOf).toList();
        });
    }

    private static double removed(String dataset) {
        return PrometheusMetrics.scrape().sum("sudia_retention_removed_total", "dataset=\"" + dataset + "\"");
    }
}
