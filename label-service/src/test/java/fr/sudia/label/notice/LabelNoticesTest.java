package fr.sudia.label.notice;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.label.support.Fixtures;
import fr.sudia.label.support.TestClock;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * label.notices.v1: the applicant hears of each step of the application; the people who acted for a label (signed
 * its charter, applied) hear once that it expires soon. By token subject only, valid against the contract.
 */
@QuarkusTest
class LabelNoticesTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    TestClock clock;

    @Inject
    LabelNotices notices;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private List<ConsumerRecord<String, String>> noticesOf(UUID organization, int atLeast) {
        List<ConsumerRecord<String, String>> records = new KafkaTestClient(broker).readUntil(LabelNotices.TOPIC,
                Duration.ofSeconds(30), read -> read.stream().filter(r -> r.value().contains(organization.toString())).count() >= atLeast);
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> r.value().contains(organization.toString())).toList();
        mine.forEach(r -> {
            EventContracts.assertValid(LabelNotices.TOPIC, r.value());
            EventContracts.assertCarriesExactly(LabelNotices.TOPIC, r.value());
        });
        return mine;
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theApplicantHearsOfEachStep() {
        UUID asked = Fixtures.knownOrganization("Azur </script> Vision", "Nice");
        Fixtures.sign(asked);
        String application = Fixtures.draft(asked);
        Fixtures.submit(asked, application, UUID.randomUUID().toString());
        Fixtures.reviewer(application, "review", null);
        Fixtures.reviewer(application, "justification-request", Map.of("text", "Décrivez le jeu de données"));

        List<ConsumerRecord<String, String>> steps = noticesOf(asked, 2);
        assertEquals(List.of(LabelNotices.APPLICATION_SUBMITTED, LabelNotices.JUSTIFICATION_REQUESTED),
                steps.stream().map(LabelNoticesTest::type).toList());
        JsonPath justification = JsonPath.from(steps.get(1).value());
        assertEquals("Décrivez le jeu de données", justification.getString("application.message"));
        assertEquals("Azur </script> Vision", justification.getString("organization.name"));
        assertEquals(steps.get(0).key(), steps.get(1).key(), "both to the applicant");
        assertEquals(steps.get(0).key(), justification.getString("recipient"));

        UUID granted = Fixtures.knownOrganization("Bioceanor", "Sophia Antipolis");
        Fixtures.labelFor(granted);
        List<ConsumerRecord<String, String>> decided = noticesOf(granted, 2);
        assertEquals(LabelNotices.APPLICATION_DECIDED, type(decided.get(1)));
        assertEquals("GRANTED", JsonPath.from(decided.get(1).value()).getString("application.status"));
    }

    @Test
    void whoActedForALabelHearsOnceThatItExpiresSoon() {
        UUID organization = Fixtures.knownOrganization("Expiring soon", "Toulon");
        String number = Fixtures.labelFor(organization);
        LocalDate validUntil = LocalDate.now(ZoneOffset.UTC).plusYears(2).minusDays(1);

        clock.advance(Duration.ofDays(365 * 2 - 70));
        notices.noticeExpiringLabels();
        assertEquals(2, noticesOf(organization, 2).size(), "submitted and decided only, 70 days before");

        clock.advance(Duration.ofDays(15));
        notices.noticeExpiringLabels();
        notices.noticeExpiringLabels();
        List<ConsumerRecord<String, String>> expiring = noticesOf(organization, 4).stream()
                .filter(r -> LabelNotices.LABEL_EXPIRING.equals(type(r))).toList();
        // The signer and the applicant (two token subjects), each once however often the job runs.
        assertEquals(2, expiring.size());
        assertEquals(2, expiring.stream().map(ConsumerRecord::key).distinct().count());
        assertEquals(number, JsonPath.from(expiring.get(0).value()).getString("label.number"));
        assertEquals(validUntil.toString(), JsonPath.from(expiring.get(0).value()).getString("label.validUntil"));
    }

    @Test
    void whoSignedAnEarlierCharterHearsOnceThatTheNewVersionIsToBeSigned() {
        UUID signed = Fixtures.knownOrganization("Signed before", "Arles");
        Fixtures.sign(signed);
        OffsetDateTime effective = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        int next = given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.charterDraft("Charte révisée " + UUID.randomUUID(), effective, 30))
                .when().post("/api/v1/charters").then().statusCode(201).extract().path("version");

        List<ConsumerRecord<String, String>> toSign = noticesOf(signed, 1).stream()
                .filter(r -> LabelNotices.CHARTER_TO_RESIGN.equals(type(r))).toList();
        assertEquals(1, toSign.size());
        JsonPath notice = JsonPath.from(toSign.get(0).value());
        assertEquals(next, notice.getInt("charter.version"));
        assertEquals(effective.atZoneSameInstant(java.time.ZoneId.of("Europe/Paris")).toLocalDate().plusDays(30).toString(),
                notice.getString("charter.signBy"));
        assertEquals("Signed before", notice.getString("organization.name"));
        assertEquals(toSign.get(0).key(), notice.getString("recipient"));

        // Signing the new version is not announced as something to sign again.
        Fixtures.sign(signed);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) fr.sudia.platform.outbox.OutboxEvent
                .getEntityManager().createNativeQuery("""
                        select count(*) from outbox_event where topic = ?1 and type = ?2
                          and cast(payload as jsonb) -> 'organization' ->> 'id' = ?3""")
                .setParameter(1, LabelNotices.TOPIC).setParameter(2, LabelNotices.CHARTER_TO_RESIGN)
                .setParameter(3, signed.toString()).getSingleResult()).longValue()));
    }
}
