package fr.sudia.funding.call;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.funding.Jwt;
import fr.sudia.funding.TestClock;
import fr.sudia.funding.call.Calls.JurorUser;
import fr.sudia.funding.call.Calls.Member;
import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import fr.sudia.platform.privacy.Pseudonyms;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Access and erasure requests (issue 21) on a call, against the real database: the admin who wrote it, an applicant
 * (a school's member, who also drafted an application in their own name elsewhere) and a juror who scored and declared
 * a conflict. The audit trail keeps verifying after their erasure, and stops verifying when a row is altered.
 */
@QuarkusTest
class PersonalDataRequestsTest {

    @Inject
    TestClock clock;

    @Inject
    @Any
    Instance<PersonalDataHandler> handlers;

    @Inject
    CallPersonalData.Jury jury;

    @Inject
    CallPersonalData.Applications applications;

    @Inject
    CallPersonalData.AuditTrail auditTrail;

    @Inject
    CallPersonalData.Nominations nominations;

    @Inject
    EntityManager em;

    @Inject
    javax.sql.DataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theCallsRecordStaysUnderPseudonymsAndItsAuditTrailStillVerifies() {
        clock.set(Calls.DRAFTING.toInstant());
        String adminToken = DevTokens.forRole(Roles.ADMIN);
        String admin = Jwt.subject(adminToken);
        String call = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Calls.call("Challenge IA vie privée", false, 1)).post("/api/v1/calls").then().statusCode(201)
                .extract().path("id");
        String individualCall = Calls.create(Calls.call("Bourse individuelle", false, 1)
                .replace("\"applicantTypes\":[\"SCHOOL\",\"TRAINING_BODY\"]", "\"applicantTypes\":[\"INDIVIDUAL\"]"));
        Calls.move(call, "OPEN").statusCode(200);
        Calls.move(individualCall, "OPEN").statusCode(200);

        Member applicant = Member.create();
        String applicantSubject = Jwt.subject(applicant.token());
        String a = Calls.apply(applicant, call, "Lycée Les Oliviers");
        String b = Calls.apply(Member.create(), call, "Collège du Port");
        String own = Calls.draft(applicant, individualCall, """
                {"applicantType":"INDIVIDUAL","applicantName":"Jeanne Privas","title":"Ma thèse","answers":{"summary":"Thèse."}}""")
                .statusCode(201).extract().path("id");
        JurorUser juror = JurorUser.of(Roles.JUROR, null);
        Calls.assign(call, juror);
        clock.set(Calls.DEADLINE.plusSeconds(1).toInstant());
        Calls.move(call, "CLOSED").statusCode(200);
        Calls.move(call, "REVIEW").statusCode(200);
        Calls.review(juror, a, 8, 6).statusCode(200);
        given().auth().oauth2(juror.token()).contentType(ContentType.JSON).body("{\"reason\":\"Ma sœur y enseigne.\"}")
                .post("/api/v1/applications/" + b + "/conflicts").then().statusCode(204);
        verification(call).body("intact", equalTo(true)).body("entries", greaterThan(8));

        // Access: each finds their part.
        DataSubject jurorPerson = new DataSubject(null, juror.subject());
        assertEquals(List.of("seat", "conflict", "review"),
                inTransaction(() -> jury.export(jurorPerson)).stream().map(CallPersonalData.Jury.JuryRecord::kind).toList());
        assertEquals(List.of("SCORED", "CONFLICT_DECLARED"), inTransaction(() -> auditTrail.export(jurorPerson)).stream()
                .map(CallPersonalData.AuditTrail.Entry::action).toList());
        DataSubject applicantPerson = new DataSubject("lycee@example.org", applicantSubject);
        List<CallPersonalData.Applications.Application> written = inTransaction(() -> applications.export(applicantPerson));
        assertEquals(List.of("Lycée Les Oliviers", "Jeanne Privas"),
                written.stream().map(CallPersonalData.Applications.Application::applicantName).toList());
        assertEquals("Un assistant qui repère les signaux faibles.", written.get(0).answers().get("summary").asText());

        // Erasure of the three, as each service's consumer runs it: every handler, with the person's pseudonym.
        for (String subject : List.of(juror.subject(), applicantSubject, admin)) {
            assertTrue(erase(subject) > 0, subject);
        }

        // The juror's seat, score and conflict stay under the pseudonym; the trail names nobody and still verifies.
        String jurorPseudonym = Pseudonyms.of(juror.subject());
        given().auth().oauth2(Calls.ADMIN).get("/api/v1/calls/" + call + "/jurors").then().statusCode(200)
                .body("subject", hasItem(jurorPseudonym));
        String trail = given().auth().oauth2(Calls.ADMIN).get("/api/v1/calls/" + call + "/audit").then().statusCode(200)
                .body("items.actor", hasItem(jurorPseudonym)).body("items.actor", not(hasItem(admin)))
                .extract().asString();
        for (String subject : List.of(juror.subject(), applicantSubject, admin)) {
            assertFalse(trail.contains(subject), "the trail still names " + subject);
        }
        verification(call).body("intact", equalTo(true)).body("brokenAt", nullValue());
        verification(individualCall).body("intact", equalTo(true));
        // The school's application stays (the organization's, judged); the individual's draft is gone.
        given().auth().oauth2(Calls.ADMIN).get("/api/v1/applications/" + a).then().statusCode(200)
                .body("applicantName", equalTo("Lycée Les Oliviers"));
        given().auth().oauth2(Calls.ADMIN).get("/api/v1/applications/" + own).then().statusCode(404);
        assertEquals(0L, count("""
                select (select count(*) from call_juror where subject = ?1 or assigned_by = ?1)
                     + (select count(*) from call_review where juror = ?1)
                     + (select count(*) from call_conflict where juror = ?1)
                     + (select count(*) from call_application where created_by = ?1 or decided_by = ?1)
                     + (select count(*) from funding_call where created_by = ?1)
                     + (select count(*) from call_audit where actor = ?1 or details like '%' || ?1 || '%')""",
                List.of(juror.subject(), applicantSubject, admin)));

        // Replayed: nothing more to change, the trail as it was.
        String before = auditRows(call);
        for (String subject : List.of(juror.subject(), applicantSubject, admin)) {
            assertEquals(0, erase(subject), subject);
        }
        assertEquals(before, auditRows(call));

        // Altering a row in the database breaks the chain at that row, and putting it back restores it.
        long submitted = ((Number) inTransaction(() -> em.createNativeQuery(
                "select min(id) from call_audit where call_id = ?1 and action = 'SUBMITTED'")
                .setParameter(1, UUID.fromString(call)).getSingleResult())).longValue();
        String details = inTransaction(() -> (String) em.createNativeQuery("select details from call_audit where id = ?1")
                .setParameter(1, submitted).getSingleResult());
        sql("update call_audit set details = ?2 where id = ?1", submitted, "{\"submittedAt\":\"2026-03-31T09:59:59Z\"}");
        verification(call).body("intact", equalTo(false)).body("brokenAt", equalTo((int) submitted));
        sql("update call_audit set details = ?2 where id = ?1", submitted, details);
        verification(call).body("intact", equalTo(true));
        sql("update call_audit set actor = ?2 where id = ?1", submitted, Pseudonyms.of("someone-else"));
        verification(call).body("intact", equalTo(false)).body("brokenAt", equalTo((int) submitted))
                .body("problem", equalTo("the actor does not match its digest"));
        sql("update call_audit set actor = ?2 where id = ?1", submitted, Pseudonyms.of(applicantSubject));
        verification(call).body("intact", equalTo(true));
        given().auth().oauth2(DevTokens.forRole(Roles.JUROR)).get("/api/v1/calls/" + call + "/audit/verification").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Calls.ADMIN).get("/api/v1/calls/" + UUID.randomUUID() + "/audit/verification").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aNominationTheJuryNeverKeptGoesWithItsAuthor() {
        clock.set(Calls.DRAFTING.toInstant());
        String call = Calls.create(Calls.call("Prix IA vie privée " + UUID.randomUUID(), false, 1)
                .replace("\"kind\":\"AI_CHALLENGE\"", "\"kind\":\"PRIZE_OF_THE_YEAR\"")
                .replace("\"theme\":\"Lutter contre le harcèlement scolaire\"", "\"theme\":null,\"categories\":[\"Projet IA de l'année\"]"));
        Calls.move(call, "OPEN").statusCode(200);
        String token = DevTokens.forOrganization(Roles.PARTNER, UUID.randomUUID().toString());
        String nomination = given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"nomineeKind":"PROJECT","nomineeName":"VigieIA","category":"Projet IA de l'année","reason":"Mon voisin l'a fait."}""")
                .post("/api/v1/calls/" + call + "/nominations").then().statusCode(201).extract().path("id");
        DataSubject person = new DataSubject(null, Jwt.subject(token));
        assertEquals(List.of("VigieIA"), inTransaction(() -> nominations.export(person)).stream()
                .map(CallPersonalData.Nominations.Nominated::nomineeName).toList());

        assertEquals(2, erase(person.subject()), "the nomination deleted, its audit entry pseudonymized");
        assertEquals(0L, count("select count(*) from call_nomination where id::text = ?1", List.of(nomination)));
        verification(call).body("intact", equalTo(true));
        assertEquals(0, erase(person.subject()));
    }

    @Test
    void theMigrationChainsEntriesWrittenBeforeItAsTheWritingPathDoes() throws Exception {
        clock.set(Calls.DRAFTING.toInstant());
        String call = Calls.create(Calls.call("Challenge IA migration", false, 1));
        Calls.move(call, "OPEN").statusCode(200);
        Calls.apply(Member.create(), call, "Lycée Migration");
        String written = auditRows(call);

        // As before V40-V41: no digest, no hash (the migration then makes them required again).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("alter table call_audit alter column actor_digest "
                + "drop not null, alter column entry_hash drop not null").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update call_audit set actor_digest = null, entry_hash = null where call_id = ?1")
                .setParameter(1, UUID.fromString(call)).executeUpdate());
        try (java.sql.Connection connection = dataSource.getConnection()) {
            new db.migration.V41__call_audit_chain_backfill().migrate(new org.flywaydb.core.api.migration.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return null;
                }

                @Override
                public java.sql.Connection getConnection() {
                    return connection;
                }
            });
        }
        assertEquals(written, auditRows(call));
        verification(call).body("intact", equalTo(true));
    }

    // ----


    private long erase(String subject) {
        DataSubject person = new DataSubject(null, subject);
        String pseudonym = Pseudonyms.of(person);
        return inTransaction(() -> handlers.stream().mapToLong(h -> h.erase(person, pseudonym)).sum());
    }

    private static io.restassured.response.ValidatableResponse verification(String call) {
        return given().auth().oauth2(Calls.ADMIN).get("/api/v1/calls/" + call + "/audit/verification").then().statusCode(200);
    }

    private String auditRows(String call) {
        return inTransaction(() -> String.valueOf(em.createNativeQuery("""
                select string_agg(concat_ws('|', id, actor, actor_digest, entry_hash, details), ',' order by id)
                  from call_audit where call_id = ?1""").setParameter(1, UUID.fromString(call)).getSingleResult()));
    }

    private long count(String sql, List<String> subjects) {
        return subjects.stream().mapToLong(s -> inTransaction(() -> ((Number) em.createNativeQuery(sql).setParameter(1, s)
                .getSingleResult()).longValue())).sum();
    }

    private void sql(String sql, long id, String value) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).setParameter(1, id).setParameter(2, value)
                .executeUpdate());
    }

    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
