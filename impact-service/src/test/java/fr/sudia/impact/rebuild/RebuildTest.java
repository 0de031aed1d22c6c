package fr.sudia.impact.rebuild;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.impact.support.Sources;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import fr.sudia.impact.publication.ReadModelVersion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Dropping the read model and replaying the topics of the real broker gives the same figures: the replay applies
 * its records in batches (several versions of a record, late ones included, in one batch), the live consumers one
 * by one.
 */
@QuarkusTest
class RebuildTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    @Inject
    ReadModelVersion readModel;

    @Test
    void aRebuildFromTheTopicsGivesIdenticalFigures() {
        Sources sources = new Sources(broker, entityManager);
        int year = 2035;
        UUID org = UUID.randomUUID();
        UUID occurrence = UUID.randomUUID();
        String start = year + "-03-03T09:00:00Z";
        UUID request = UUID.randomUUID();
        // A record that breaks its contract, read by the rebuild in the same batch as the good ones that follow.
        String broken = UUID.randomUUID().toString();
        new KafkaTestClient(broker).send(KafkaCloudEvents.toRecord("events.attendance.v1", new CloudEvent(
                UUID.randomUUID().toString(), URI.create("urn:sud-ia:events-service"), "fr.sudia.events.attendance.recorded",
                broken, OffsetDateTime.now(), "{\"eventId\":\"" + broken + "\"}")));
        List<String> events = List.of(
                sources.organization(org, "registered", "STARTUP", "04", "04000", List.of("HEALTH"), false, year + "-01-05T10:00:00Z"),
                sources.organization(org, "updated", "STARTUP", "05", "05000", List.of("HEALTH", "ENERGY"), false, year + "-02-05T10:00:00Z"),
                sources.attendance(occurrence, start, 2, 50, 40, "04070", "04", null),
                // Revision 1 after revision 2 (late), and an older directory state after the newer one.
                sources.attendance(occurrence, start, 1, 45, 35, "04070", "04", null),
                sources.organization(org, "updated", "STARTUP", "06", "06000", List.of(), false, year + "-01-20T10:00:00Z"),
                sources.label("SUD-IA-" + year + "-0007", org, "granted", "VALID", "COMPANY_OR_PROJECT", year + "-04-01T10:00:00Z", year + "-04-01"),
                sources.charterSigned(org, year + "-03-01T10:00:00Z"),
                sources.request(request, org, "closed", "HELPED", 25000L, year + "-05-01T10:00:00Z", year + "-05-01T10:00:00Z"),
                sources.request(request, org, "taken-in-charge", "IN_PROGRESS", null, year + "-04-20T10:00:00Z", null),
                sources.laureate(UUID.randomUUID(), "AI_CHALLENGE", year, org, 10000L, year + "-06-01T10:00:00Z"));
        events.forEach(sources::awaitProcessed);
        assertEquals(50, Sources.valueIn("people-made-aware", year));
        assertEquals(1, Sources.valueIn("directory-organizations", year, "department", "05"));
        Map<String, String> before = snapshot();

        // Damage the read model: the rebuild must not depend on what is left of it.
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("update measured_fact set value = value + 1000").executeUpdate();
            entityManager.createNativeQuery("delete from known_organization").executeUpdate();
            // Changes made in SQL by hand are not seen by the public reads' memory until the version moves.
            readModel.bump();
        });
        assertNotEquals(before, snapshot());

        String location = given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).when().post("/api/v1/rebuilds")
                .then().statusCode(202).header("Location", startsWith("/api/v1/rebuilds/"))
                .body("state", equalTo("RUNNING")).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(given().auth().oauth2(DevTokens.forRole(Roles.ADMIN))
                .when().get(location).then().statusCode(200).extract().path("state")));
        JsonPath rebuild = given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).when().get(location).then().extract().jsonPath();
        assertEquals("DONE", rebuild.getString("state"), rebuild.prettify());
        assertTrue(rebuild.getLong("applied") >= events.size(), rebuild.prettify());
        assertTrue(rebuild.getLong("records.'events.attendance.v1'") >= 3, rebuild.prettify());
        assertTrue(rebuild.getLong("poison") >= 1, rebuild.prettify());

        assertEquals(before, snapshot());
        assertEquals(50, Sources.valueIn("people-made-aware", year));
    }

    @Test
    void onlyAdminsRebuild() {
        given().when().post("/api/v1/rebuilds").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).when().post("/api/v1/rebuilds")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).when().get("/api/v1/rebuilds/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** Every figure the API gives: the open-data dataset and every indicator's series by each of its breakdowns. */
    private static Map<String, String> snapshot() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("dataset", given().when().get("/api/v1/open-data/indicators.json").then().statusCode(200).extract().asString());
        JsonPath indicators = given().when().get("/api/v1/indicators").then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> indicator : indicators.<Map<String, Object>>getList("items")) {
            String id = (String) indicator.get("id");
            @SuppressWarnings("unchecked")
            List<String> breakdowns = (List<String>) indicator.get("breakdowns");
            for (String breakdown : breakdowns) {
                boolean period = List.of("year", "quarter", "month").contains(breakdown);
                var request = given().queryParam("period", period ? breakdown : "month");
                if (!period) {
                    request = request.queryParam("breakdown", breakdown);
                }
                figures.put(id + " by " + breakdown, request.when().get("/api/v1/indicators/" + id + "/series")
                        .then().statusCode(200).extract().asString());
            }
        }
        return figures;
    }
}
