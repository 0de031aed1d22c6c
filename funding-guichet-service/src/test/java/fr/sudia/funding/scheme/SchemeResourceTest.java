package fr.sudia.funding.scheme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.funding.Events;
import fr.sudia.funding.TestClock;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The catalogue's write side: publish, read, replace, close, remove; validation; events on a real broker. */
@QuarkusTest
class SchemeResourceTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anAdvisorPublishesASchemeThatAnyoneCanRead() {
        Map<String, Object> body = Schemes.body("Prêt d'honneur IA " + UUID.randomUUID());
        body.put("amountMinEur", 10_000);
        body.put("amountMaxEur", 50_000);
        body.put("fundingRatePercent", 50);
        body.put("conditions", Map.of("companyCategories", List.of("TPE", "PME"), "nafCodesAccepted", List.of("62", "63.11Z")));
        ExtractableResponse<Response> created = Schemes.post(body).statusCode(201)
                .header("Location", containsString("/api/v1/schemes/")).header("ETag", notNullValue())
                .body("status", equalTo("PUBLISHED"), "open", equalTo(true), "amountMaxEur", equalTo(50_000),
                        "conditions.nafCodesAccepted", equalTo(List.of("62", "63.11Z")))
                .extract();

        given().when().get("/api/v1/schemes/" + created.path("id")).then().statusCode(200)
                .header("ETag", created.header("ETag"))
                .body("name", equalTo(body.get("name")), "conditions.companyCategories", equalTo(List.of("TPE", "PME")));
    }

    @Test
    void replacingClosingAndRemovingNeedTheCurrentEtagAndAreAnnounced() throws Exception {
        Map<String, Object> body = Schemes.body("Avance remboursable IA " + UUID.randomUUID());
        ExtractableResponse<Response> created = Schemes.post(body).statusCode(201).extract();
        String id = created.path("id");
        String advisor = Schemes.advisor();
        body.put("kind", "RECOVERABLE_ADVANCE");

        given().auth().oauth2(advisor).contentType(ContentType.JSON).body(body).put("/api/v1/schemes/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        String etag = given().auth().oauth2(advisor).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(body).put("/api/v1/schemes/" + id)
                .then().statusCode(200).body("kind", equalTo("RECOVERABLE_ADVANCE")).extract().header("ETag");
        given().auth().oauth2(advisor).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(body).put("/api/v1/schemes/" + id)
                .then().statusCode(412).contentType("application/problem+json");

        String closedEtag = given().auth().oauth2(advisor).header("If-Match", etag).post("/api/v1/schemes/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"), "open", equalTo(false)).extract().header("ETag");
        given().auth().oauth2(advisor).header("If-Match", closedEtag).post("/api/v1/schemes/" + id + "/close")
                .then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(advisor).header("If-Match", closedEtag).delete("/api/v1/schemes/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).header("If-Match", closedEtag).delete("/api/v1/schemes/" + id)
                .then().statusCode(204);
        given().get("/api/v1/schemes/" + id).then().statusCode(404).contentType("application/problem+json");

        List<ConsumerRecord<String, String>> events = Events.about(broker, SchemeCatalogue.TOPIC, id, 4);
        assertEquals(List.of(SchemeCatalogue.PUBLISHED, SchemeCatalogue.UPDATED, SchemeCatalogue.CLOSED, SchemeCatalogue.REMOVED),
                Events.types(events));
        assertEquals("urn:sud-ia:funding-guichet-service", Events.header(events.get(0), "ce_source"));
        assertEquals("RECOVERABLE_ADVANCE", new ObjectMapper().readTree(events.get(1).value()).get("kind").asText());
        assertEquals("CLOSED", new ObjectMapper().readTree(events.get(2).value()).get("status").asText());
        assertEquals(true, new ObjectMapper().readTree(events.get(3).value()).get("removed").asBoolean());
        // The event's own contract (SchemeChanged), not the REST view: no "open", "nextDeadline" nor contact.
        for (ConsumerRecord<String, String> event : events) {
            EventContracts.assertValid(SchemeCatalogue.TOPIC, event.value());
            EventContracts.assertCarriesExactly(SchemeCatalogue.TOPIC, event.value());
        }
        assertEquals(null, new ObjectMapper().readTree(events.get(0).value()).get("contact"));
    }

    @Test
    void anAdvisorChangesOrClosesOnlyTheSchemesOfItsOwnProviderWhileAdminsChangeAll() {
        String providerB = UUID.randomUUID().toString();
        String advisorA = Schemes.advisor();
        String advisorB = DevTokens.forOrganization(Roles.ADVISOR, providerB);
        String admin = DevTokens.forRole(Roles.ADMIN);
        Map<String, Object> ofA = Schemes.body("Chèque IA A " + UUID.randomUUID());
        ExtractableResponse<Response> a = Schemes.post(ofA).statusCode(201)
                .body("providerOrganizationId", equalTo(Schemes.PROVIDER)).extract();
        Map<String, Object> ofB = Schemes.body("Chèque IA B " + UUID.randomUUID());
        ExtractableResponse<Response> b = given().auth().oauth2(advisorB).contentType(ContentType.JSON).body(ofB)
                .post("/api/v1/schemes").then().statusCode(201).body("providerOrganizationId", equalTo(providerB)).extract();
        String idA = a.path("id");
        String idB = b.path("id");

        ofB.put("kind", "LOAN");
        given().auth().oauth2(advisorA).contentType(ContentType.JSON).header("If-Match", b.header("ETag")).body(ofB)
                .put("/api/v1/schemes/" + idB).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(advisorA).header("If-Match", b.header("ETag")).post("/api/v1/schemes/" + idB + "/close")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/schemes/" + idB).then().body("kind", equalTo("GRANT"), "status", equalTo("PUBLISHED"))
                .header("ETag", b.header("ETag"));

        // nor can an advisor take another provider's scheme over, or publish in its name
        ofA.put("providerOrganizationId", providerB);
        given().auth().oauth2(advisorA).contentType(ContentType.JSON).header("If-Match", a.header("ETag")).body(ofA)
                .put("/api/v1/schemes/" + idA).then().statusCode(403).contentType("application/problem+json");
        Map<String, Object> impersonating = Schemes.body("Usurpé " + UUID.randomUUID());
        impersonating.put("providerOrganizationId", providerB);
        Schemes.post(impersonating).statusCode(403).contentType("application/problem+json");
        assertEquals(0, stored(impersonating));
        given().auth().oauth2(DevTokens.forRole(Roles.ADVISOR)).contentType(ContentType.JSON)
                .body(Schemes.body("Sans fournisseur " + UUID.randomUUID())).post("/api/v1/schemes")
                .then().statusCode(403).body("detail", containsString("org claim"));

        ofA.remove("providerOrganizationId");
        ofA.put("kind", "LOAN");
        String etagA = given().auth().oauth2(advisorA).contentType(ContentType.JSON).header("If-Match", a.header("ETag"))
                .body(ofA).put("/api/v1/schemes/" + idA).then().statusCode(200)
                .body("kind", equalTo("LOAN"), "providerOrganizationId", equalTo(Schemes.PROVIDER)).extract().header("ETag");
        given().auth().oauth2(advisorA).header("If-Match", etagA).post("/api/v1/schemes/" + idA + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        String etagB = given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", b.header("ETag"))
                .body(ofB).put("/api/v1/schemes/" + idB).then().statusCode(200).body("kind", equalTo("LOAN"))
                .extract().header("ETag");
        given().auth().oauth2(admin).header("If-Match", etagB).post("/api/v1/schemes/" + idB + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void onlyEditorsWrite() {
        Map<String, Object> body = Schemes.body("Interdit " + UUID.randomUUID());
        given().contentType(ContentType.JSON).body(body).post("/api/v1/schemes")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forOrganization(Roles.MEMBER, UUID.randomUUID().toString()))
                .contentType(ContentType.JSON).body(body).post("/api/v1/schemes")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, stored(body));
    }

    @Test
    void badSchemesAreRefusedWithAProblemAndNothingIsStored() {
        assertRefused(b -> b.put("amountMinEur", -1), "amountMinEur");
        assertRefused(b -> b.put("fundingRatePercent", -5), "fundingRatePercent");
        assertRefused(b -> {
            b.put("amountMinEur", 100);
            b.put("amountMaxEur", 10);
        }, "amountMinEur must not exceed amountMaxEur");
        assertRefused(b -> {
            b.put("ongoing", false);
            b.put("opensOn", "2026-06-01");
            b.put("deadlines", List.of("2026-05-31"));
        }, "every deadline must fall on or after opensOn");
        assertRefused(b -> b.put("ongoing", false), "either ongoing or has at least one deadline");
        assertRefused(b -> b.put("conditions", Map.of("nafCodesAccepted", List.of("04.11Z"))), "NAF");
        assertRefused(b -> b.put("conditions", Map.of("nafCodesExcluded", List.of("62-01"))), "NAF");
        assertRefused(b -> b.put("pillars", List.of("FINANCIAL", "MARKETING")), "pillars");
        assertRefused(b -> b.put("conditions", Map.of("companyCategory", List.of("TPE"))), "companyCategory");
        assertRefused(b -> b.put("conditions", Map.of("companyCategories", "TPE")), "companyCategories");
        assertRefused(b -> b.put("conditions", Map.of("companyCategories", List.of("MICRO"))), "companyCategories");
        assertRefused(b -> b.put("conditions", Map.of("minAgeYears", 8, "maxAgeYears", 3)), "minAgeYears must not exceed");
        assertRefused(b -> b.put("conditions", Map.of("departments", List.of("6"))), "departments");
        assertRefused(b -> b.put("applicationUrl", "javascript:alert(1)"), "applicationUrl");
    }

    @Test
    void aSchemeIsOpenPerItsDatesAsTheClockMoves() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Map<String, Object> body = Schemes.body("Appel à projets IA " + UUID.randomUUID());
        body.put("ongoing", false);
        body.put("opensOn", today.plusDays(10).toString());
        body.put("deadlines", List.of(today.plusDays(40).toString(), today.plusDays(20).toString()));
        String id = Schemes.publish(body);

        given().get("/api/v1/schemes/" + id).then().body("open", equalTo(false),
                "nextDeadline", equalTo(today.plusDays(20).toString()),
                "deadlines", equalTo(List.of(today.plusDays(20).toString(), today.plusDays(40).toString())));
        clock.advance(Duration.ofDays(15));
        given().get("/api/v1/schemes/" + id).then().body("open", equalTo(true), "nextDeadline", equalTo(today.plusDays(20).toString()));
        clock.advance(Duration.ofDays(10));
        given().get("/api/v1/schemes/" + id).then().body("open", equalTo(true), "nextDeadline", equalTo(today.plusDays(40).toString()));
        clock.advance(Duration.ofDays(20));
        given().get("/api/v1/schemes/" + id).then().body("open", equalTo(false), "nextDeadline", equalTo(null));
    }

    @Test
    void anUnknownIdIsA404AndAMalformedOneA400() {
        given().get("/api/v1/schemes/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/schemes/not-a-uuid").then().statusCode(404);
    }

    private void assertRefused(Consumer<Map<String, Object>> change, String mentioned) {
        Map<String, Object> body = Schemes.body("Refusé " + UUID.randomUUID());
        change.accept(body);
        String problem = Schemes.post(body).statusCode(400).contentType("application/problem+json").extract().asString();
        assertTrue(problem.contains(mentioned), problem + " mentions " + mentioned);
        assertEquals(0, stored(body), "nothing stored for " + body);
    }

    private static long stored(Map<String, Object> body) {
        return QuarkusTransaction.requiringNew().call(() -> Scheme.count("name", body.get("name")));
    }
}
