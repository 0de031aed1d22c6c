package fr.sudia.directory.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.sudia.directory.importing.ImportJobPersonalData;
import fr.sudia.directory.importing.ImportResourceTest;
import fr.sudia.directory.organization.OrganizationHistoryPersonalData;
import fr.sudia.directory.organization.OrganizationPersonalData;
import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PrivacyRequested;
import fr.sudia.platform.privacy.Pseudonyms;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.PrivacyRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Access and erasure requests (issue 21) as the directory's handlers answer them, against the real database: an
 * editor who registered a profile, changed another one and imported a file.
 */
@QuarkusTest
class PersonalDataRequestsTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    OrganizationPersonalData organizations;

    @Inject
    OrganizationHistoryPersonalData history;

    @Inject
    ImportJobPersonalData imports;

    @Inject
    EntityManager em;

    @Test
    void anEditorsTraceIsExportedThenPseudonymizedAndTheProfilesStay() {
        String subject = "editor-privacy-" + UUID.randomUUID();
        String token = DevTokens.forSubject(Roles.EDITOR, subject, Map.of());
        String tag = ImportResourceTest.tag();
        String own = register(token, "Privacy Labs " + tag).path("id");
        Response other = register(DevTokens.forRole(Roles.EDITOR), "Other Labs " + tag);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", other.header("ETag"))
                .body(profile("Other Labs SAS " + tag)).put("/api/v1/organizations/" + other.path("id")).then().statusCode(200);
        Response started = given().auth().oauth2(token).contentType("text/csv")
                .body((ImportResourceTest.HEADER + "Imported " + tag + ",STARTUP,,Nice,06,,,HEALTH,COMPUTER_VISION,\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(202).extract().response();
        JsonPath job = ImportResourceTest.finished(started);
        assertEquals("DONE", job.getString("status"));

        DataSubject person = new DataSubject("someone@example.org", subject);
        List<OrganizationPersonalData.Authored> authored = inTransaction(() -> organizations.export(person));
        assertEquals(3, authored.size(), authored.toString());
        assertTrue(authored.stream().anyMatch(a -> a.name().equals("Other Labs SAS " + tag) && !a.created() && a.lastChanged()));
        assertTrue(authored.stream().anyMatch(a -> a.name().equals("Imported " + tag) && a.created()));
        assertEquals(List.of("REGISTERED", "UPDATED", "REGISTERED"), inTransaction(() -> history.export(person)).stream()
                .map(OrganizationHistoryPersonalData.Change::action).toList());
        assertEquals(1, inTransaction(() -> imports.export(person)).size());

        String pseudonym = "erased-00aa11bb22cc33dd";
        long erased = inTransaction(() -> organizations.erase(person, pseudonym) + history.erase(person, pseudonym)
                + imports.erase(person, pseudonym));
        assertEquals(3 + 3 + 1, erased);

        String editor = DevTokens.forRole(Roles.EDITOR);
        given().auth().oauth2(editor).get(started.header("Location")).then().statusCode(200)
                .body("createdBy", equalTo(pseudonym));
        given().auth().oauth2(editor).get("/api/v1/organizations/" + own + "/history").then().statusCode(200)
                .body("items.actor", everyItem(equalTo(pseudonym)));
        given().get("/api/v1/organizations/" + own).then().statusCode(200).body("name", equalTo("Privacy Labs " + tag));
        assertEquals(0L, count("""
                select (select count(*) from organization where created_by = ?1 or updated_by = ?1)
                     + (select count(*) from organization_history where actor = ?1)
                     + (select count(*) from import_job where created_by = ?1)""", subject));

        // Replayed: nothing left to change.
        assertEquals(0L, inTransaction(() -> organizations.erase(person, pseudonym) + history.erase(person, pseudonym)
                + imports.erase(person, pseudonym)));
        assertTrue(inTransaction(() -> organizations.export(person)).isEmpty());
    }

    @Test
    void theServiceAnswersTheDesksAccessAndErasureRequestsOnKafka() {
        String subject = "member-kafka-" + UUID.randomUUID();
        String tag = ImportResourceTest.tag();
        String id = register(DevTokens.forSubject(Roles.EDITOR, subject, Map.of()), "Kafka Labs " + tag).path("id");
        PrivacyRequests desk = new PrivacyRequests(broker);

        UUID access = UUID.randomUUID();
        desk.publish(access, PrivacyRequested.Kind.ACCESS, null, subject);
        JsonNode exported = desk.answers(access, "directory-service", 1).get(0);
        assertEquals("DONE", exported.path("outcome").asText());
        assertEquals(2, exported.path("records").asLong(), exported.toString());
        assertEquals("Kafka Labs " + tag, exported.path("export").path("organizations").path(0).path("name").asText());
        assertEquals("REGISTERED", exported.path("export").path("organization-history").path(0).path("action").asText());
        assertEquals(0, exported.path("export").path("imports").size());

        UUID erasure = UUID.randomUUID();
        desk.publish(erasure, PrivacyRequested.Kind.ERASURE, "kafka@example.org", subject);
        JsonNode erased = desk.answers(erasure, "directory-service", 1).get(0);
        assertEquals("DONE", erased.path("outcome").asText());
        assertEquals(2, erased.path("records").asLong());
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).get("/api/v1/organizations/" + id + "/history").then()
                .statusCode(200).body("items.actor", everyItem(equalTo(Pseudonyms.of(subject))));

        String before = rows(id);
        desk.publish(erasure, PrivacyRequested.Kind.ERASURE, "kafka@example.org", subject);
        JsonNode replayed = desk.answers(erasure, "directory-service", 2).get(1);
        assertEquals("DONE", replayed.path("outcome").asText());
        assertEquals(0, replayed.path("records").asLong());
        assertEquals(before, rows(id));
    }

    private String rows(String organizationId) {
        return inTransaction(() -> String.valueOf(em.createNativeQuery("""
                select concat_ws('|', o.created_by, o.updated_by, o.version,
                       (select string_agg(h.actor, ',' order by h.id) from organization_history h where h.organization_id = o.id))
                  from organization o where o.id = ?1""").setParameter(1, UUID.fromString(organizationId)).getSingleResult()));
    }

    private static Response register(String token, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(profile(name))
                .post("/api/v1/organizations").then().statusCode(201).extract().response();
    }

    private static Map<String, Object> profile(String name) {
        return Map.of("name", name, "kind", "STARTUP", "city", "Nice", "sectors", List.of("HEALTH"),
                "techniques", List.of("COMPUTER_VISION"));
    }

    private long count(String sql, String parameter) {
        return inTransaction(() -> ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue());
    }

    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
