package fr.sudia.label.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.label.support.Fixtures;
import fr.sudia.label.support.TestClock;
import fr.sudia.platform.testing.PrometheusMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * With the clock moved past the period, against the real database: the answers and reasons of a refused application
 * and of an abandoned draft are erased, those of a granted application whose label is still valid and of a recent
 * draft are kept, the application itself stays, and the metric counts what went.
 */
@QuarkusTest
class ApplicationRetentionTest {

    @Inject
    TestClock clock;

    @Inject
    ApplicationRetention retention;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "sudia.label.retention.application-answers")
    Duration period;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void answersGoAfterThePeriodOnceTheyNoLongerServe() {
        UUID abandoned = organizationThatSigned("Brouillon abandonné");
        String draft = Fixtures.draft(abandoned);
        UUID refusedOrganization = organizationThatSigned("Candidature refusée");
        String refused = Fixtures.draft(refusedOrganization);
        Fixtures.submit(refusedOrganization, refused, UUID.randomUUID().toString());
        Fixtures.reviewer(refused, "review", null);
        Fixtures.reviewer(refused, "decision", Map.of("outcome", "REFUSED", "reasons", "Réponses de Jeanne Testeuse insuffisantes"));
        UUID labelled = Fixtures.knownOrganization("Labellisée", "Arles");
        Fixtures.labelFor(labelled);
        String granted = applicationOf(labelled);
        double before = removed();

        clock.advance(period.plusDays(1));
        UUID recentOrganization = organizationThatSigned("Brouillon récent");
        String recent = Fixtures.draft(recentOrganization);
        long cleared = retention.clearDue();

        assertTrue(cleared >= 2, "the draft and the refused application: " + cleared);
        assertEquals(List.of("0", "null", "DRAFT"), answers(draft));
        assertEquals(List.of("0", "null", "REFUSED"), answers(refused));
        assertTrue(Integer.parseInt(answers(granted).get(0)) > 0, "the label is still valid: its answers stay");
        assertTrue(Integer.parseInt(answers(recent).get(0)) > 0, "a recent draft keeps its answers");
        assertEquals(cleared, removed() - before, 0.0);
        assertEquals(0L, retention.clearDue(), "a second run finds nothing more");
    }

    private static UUID organizationThatSigned(String name) {
        UUID organization = Fixtures.knownOrganization(name, "Nice");
        Fixtures.sign(organization);
        return organization;
    }

    private String applicationOf(UUID organization) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select cast(id as text) from label_application where organization_id = ?1")
                .setParameter(1, organization).getSingleResult().toString());
    }

    private List<String> answers(String application) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery(
                    "select jsonb_array_length(answers), decision_reasons, status from label_application where id = ?1")
                    .setParameter(1, UUID.fromString(application)).getSingleResult();
            return java.util.Arrays.stream(row).map(String::valueOf).toList();
        });
    }

    private static double removed() {
        return PrometheusMetrics.scrape().sum("sudia_retention_removed_total", "dataset=\"label-applications.answers\"");
    }
}
