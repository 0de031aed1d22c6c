package fr.sudia.label.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.label.audit.AuditChain;
import fr.sudia.label.support.Fixtures;
import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Access and erasure of what label-service holds about a person (the token subject who signed the charter for an
 * organization and applied for the label), against the real database and its triggers: the export lists it, the
 * erasure leaves the signature and the audit trail in place naming nobody, the chain still verifies, a replay
 * changes nothing; a row changed behind the service's back breaks the chain, and the triggers refuse the rest.
 */
@QuarkusTest
class LabelErasureTest {


    @Inject
    Instance<PersonalDataHandler> handlers;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditChain chain;

    @Test
    void theExportListsItAndTheErasureKeepsTheEvidenceNamingNobodyWithTheChainIntact() throws Exception {
        UUID organization = Fixtures.knownOrganization("Effacement SAS", "Toulon");
        String subject = "member-" + UUID.randomUUID();
        String token = DevTokens.forSubject(Roles.MEMBER, subject, Map.of(Roles.ORGANIZATION_CLAIM, organization.toString()));
        String name = "Dominique Effaçable " + UUID.randomUUID().toString().substring(0, 8);
        signAndApply(organization, token, name);
        DataSubject person = new DataSubject(null, subject);

        Map<String, List<?>> export = export(person);
        assertEquals(1, export.get("charter-signatures").size());
        assertTrue(export.get("charter-signatures").get(0).toString().contains(name));
        assertEquals(1, export.get("label-applications").size());
        assertTrue(export.get("label-audit-trail").size() >= 2, "the signature and the application's steps");

        String pseudonym = "erased-0123456789abcdef";
        long erased = erase(person, pseudonym);
        assertTrue(erased >= 4, "signature, application, submission, audit entries: " + erased);

        JsonPath signature = given().auth().oauth2(Fixtures.ADMIN)
                .when().get("/api/v1/charters/signatures?organizationId=" + organization)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(pseudonym, signature.getString("items[0].signerName"));
        assertNull(signature.get("items[0].signerRole"));
        assertEquals(sha256(name), signature.getString("items[0].signerNameSha256"),
                "the signature keeps the hash of the name, so the organization can still show who signed");
        assertEquals(0L, rowsNaming(subject), "no row holds the subject any more");
        assertEquals(0L, rowsNaming(name), "no row holds the name any more");

        given().auth().oauth2(Fixtures.ADMIN).when().get("/api/v1/audit/verification")
                .then().statusCode(200).body("valid", org.hamcrest.Matchers.is(true));

        assertEquals(0L, erase(person, pseudonym), "a replayed erasure changes nothing");
        assertTrue(export(person).values().stream().allMatch(List::isEmpty));
        given().auth().oauth2(Fixtures.ADMIN).when().get("/api/v1/audit/verification")
                .then().statusCode(200).body("valid", org.hamcrest.Matchers.is(true));
    }

    @Test
    void anEntryChangedInTheDatabaseBreaksTheChainFromThere() {
        UUID organization = Fixtures.knownOrganization("Falsification SARL", "Gap");
        String token = DevTokens.forSubject(Roles.MEMBER, "member-" + UUID.randomUUID(),
                Map.of(Roles.ORGANIZATION_CLAIM, organization.toString()));
        signAndApply(organization, token, "Camille Martin");
        long target = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select max(id) from audit_entry where organization_id = ?1").setParameter(1, organization)
                .getSingleResult()).longValue());
        String original = tamper(target, "REFUSED");
        try {
            JsonPath verification = given().auth().oauth2(Fixtures.ADMIN).when().get("/api/v1/audit/verification")
                    .then().statusCode(200).extract().jsonPath();
            assertFalse(verification.getBoolean("valid"));
            assertEquals(target, verification.getLong("brokenAt"));
        } finally {
            tamper(target, original);
        }
        given().auth().oauth2(Fixtures.ADMIN).when().get("/api/v1/audit/verification")
                .then().statusCode(200).body("valid", org.hamcrest.Matchers.is(true));
        given().auth().oauth2(Fixtures.REVIEWER).when().get("/api/v1/audit/verification").then().statusCode(403);
    }

    @Test
    void entriesWrittenBeforeTheChainAreChainedInOrderThenVerify() {
        // As the rows V7 found: no digest, no hash.
        List<Long> legacy = QuarkusTransaction.requiringNew().call(() -> List.of(1, 2).stream().map(i -> ((Number) entityManager
                .createNativeQuery("""
                        insert into audit_entry (at, actor, subject_type, subject_id, action, reason)
                        values (now(), 'admin-legacy', 'CHARTER', 'legacy', 'PUBLISHED', 'Camille Martin (Présidente)')
                        returning id""").getSingleResult()).longValue()).toList());
        assertEquals(2L, chain.chainExisting());
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select actor_digest, entry_hash from audit_entry where id in (?1, ?2) order by id")
                .setParameter(1, legacy.get(0)).setParameter(2, legacy.get(1)).getResultList());
        assertEquals(chain.actorDigest("admin-legacy"), rows.get(0)[0]);
        assertTrue(rows.stream().allMatch(row -> row[1] != null));
        given().auth().oauth2(Fixtures.ADMIN).when().get("/api/v1/audit/verification")
                .then().statusCode(200).body("valid", org.hamcrest.Matchers.is(true));
        assertEquals(0L, chain.chainExisting(), "chained once");
    }

    @Test
    void theTriggersRefuseDeletionsAndAnyChangeButPseudonymization() {
        UUID organization = Fixtures.knownOrganization("Intègre SA", "Digne");
        String token = DevTokens.forSubject(Roles.MEMBER, "member-" + UUID.randomUUID(),
                Map.of(Roles.ORGANIZATION_CLAIM, organization.toString()));
        signAndApply(organization, token, "Camille Martin");
        for (String sql : List.of(
                "delete from charter_signature where organization_id = ?1",
                "update charter_signature set signer_name = 'Quelqu''un d''autre' where organization_id = ?1",
                "update charter_signature set signed_at = signed_at - interval '1 day' where organization_id = ?1",
                "update charter_signature set signer_name_sha256 = repeat('0', 64) where organization_id = ?1",
                "delete from audit_entry where organization_id = ?1",
                "update audit_entry set action = 'NOTHING' where organization_id = ?1",
                "update audit_entry set actor = 'someone-else' where organization_id = ?1",
                "update audit_entry set entry_hash = repeat('0', 64) where organization_id = ?1")) {
            assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery(sql).setParameter(1, organization).executeUpdate()), sql);
        }
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from charter_version").executeUpdate()));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from charter_signature where organization_id = ?1").setParameter(1, organization)
                .getSingleResult()).longValue()));
    }

    private void signAndApply(UUID organization, String token, String name) {
        Fixtures.charterInForce();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("organizationId", organization, "signerName", name, "signerRole", "Directrice"))
                .when().post("/api/v1/charters/" + Fixtures.currentVersion() + "/signatures")
                .then().statusCode(201);
        String application = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.form(organization, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), Fixtures.fullAnswers()))
                .when().post("/api/v1/applications")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/api/v1/applications/" + application + "/submission")
                .then().statusCode(200);
    }

    private Map<String, List<?>> export(DataSubject person) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<?>> export = new LinkedHashMap<>();
            handlers.forEach(handler -> export.put(handler.dataset(), handler.export(person)));
            return export;
        });
    }

    private long erase(DataSubject person, String pseudonym) {
        return QuarkusTransaction.requiringNew().call(() -> handlers.stream()
                .mapToLong(handler -> handler.erase(person, pseudonym)).sum());
    }

    private long rowsNaming(String text) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                select (select count(*) from charter_signature where ?1 in (signer_name, signed_by))
                     + (select count(*) from audit_entry where actor = ?1 or reason like '%' || ?1 || '%')
                     + (select count(*) from label_application where created_by = ?1)
                     + (select count(*) from submission_request where requested_by = ?1)
                     + (select count(*) from charter_version where published_by = ?1)""")
                .setParameter(1, text).getSingleResult()).longValue());
    }

    /** Changes an entry's action behind the service's back (the trigger would refuse it): returns the old value. */
    private String tamper(long id, String action) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String old = (String) entityManager.createNativeQuery("select action from audit_entry where id = ?1")
                    .setParameter(1, id).getSingleResult();
            entityManager.createNativeQuery("alter table audit_entry disable trigger audit_entry_pseudonymized_only")
                    .executeUpdate();
            entityManager.createNativeQuery("update audit_entry set action = ?2 where id = ?1")
                    .setParameter(1, id).setParameter(2, action).executeUpdate();
            entityManager.createNativeQuery("alter table audit_entry enable trigger audit_entry_pseudonymized_only")
                    .executeUpdate();
            return old;
        });
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
